using System.Collections.Generic;
using System.Linq;
using RiskSdk.Configuration;
using Xunit;

namespace RiskSdk.Generators.Tests.Configuration;

/// <summary>Bad input never throws: every problem is reported at once, naming the full variable, the (masked) value and what was expected.</summary>
public sealed class ProblemReportingTests
{
    private static ConfigurationResult<EveryTypeSettings> BindEveryType(params (string Name, string? Value)[] variables) =>
        EveryTypeSettings.Bind(variables.ToDictionary(v => v.Name, v => v.Value));

    private static ConfigurationResult<RuleSettings> BindRules(params (string Name, string? Value)[] variables) =>
        RuleSettings.Bind(new[] { ("RULES_ACCOUNT", (string?)"main") }.Concat(variables).GroupBy(v => v.Item1).ToDictionary(g => g.Key, g => g.Last().Item2));

    private static ConfigurationProblem Single(ConfigurationResult<EveryTypeSettings> result)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Settings);
        return Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("TEST_RATIO", "0.95x", ProblemKind.Malformed, "TEST_RATIO='0.95x' is not a number; expected a number from 0 to 1.")]
    [InlineData("TEST_RATIO", "NaN", ProblemKind.Malformed, "TEST_RATIO='NaN' is not a finite number; expected a number from 0 to 1.")]
    [InlineData("TEST_RATIO", "Infinity", ProblemKind.Malformed, "TEST_RATIO='Infinity' is not a finite number; expected a number from 0 to 1.")]
    [InlineData("TEST_RATIO", "1e400", ProblemKind.Malformed, "TEST_RATIO='1e400' is not a finite number; expected a number from 0 to 1.")]
    [InlineData("TEST_RATIO", "0,5", ProblemKind.Malformed, "TEST_RATIO='0,5' is not a number; expected a number from 0 to 1.")]
    [InlineData("TEST_RATIO", "1.5", ProblemKind.OutOfRange, "TEST_RATIO='1.5' is out of range; expected a number from 0 to 1.")]
    [InlineData("TEST_COUNT", "1001", ProblemKind.OutOfRange, "TEST_COUNT='1001' is out of range; expected an integer from 0 to 1000.")]
    [InlineData("TEST_COUNT", "-1", ProblemKind.OutOfRange, "TEST_COUNT='-1' is out of range; expected an integer from 0 to 1000.")]
    [InlineData("TEST_COUNT", "2.0", ProblemKind.Malformed, "TEST_COUNT='2.0' is not an integer; expected an integer from 0 to 1000.")]
    [InlineData("TEST_COUNT", "1,000", ProblemKind.Malformed, "TEST_COUNT='1,000' is not an integer; expected an integer from 0 to 1000.")]
    [InlineData("TEST_COUNT", "99999999999", ProblemKind.OutOfRange, "TEST_COUNT='99999999999' is too large for a 32-bit integer; expected an integer from 0 to 1000.")]
    [InlineData("TEST_COUNT", "", ProblemKind.Malformed, "TEST_COUNT='' is empty; expected an integer from 0 to 1000.")]
    [InlineData("TEST_BIG", "99999999999999999999", ProblemKind.OutOfRange, "TEST_BIG='99999999999999999999' is too large for a 64-bit integer; expected an integer.")]
    [InlineData("TEST_PRICE", "1e40", ProblemKind.Malformed, "TEST_PRICE='1e40' is too large for a decimal; expected a decimal number.")]
    [InlineData("TEST_DELAY", "5min", ProblemKind.Malformed, "TEST_DELAY='5min' is not a number; expected a number of seconds from 0 to 3600.")]
    [InlineData("TEST_DELAY", "-5", ProblemKind.OutOfRange, "TEST_DELAY='-5' is negative; expected a number of seconds from 0 to 3600.")]
    [InlineData("TEST_DELAY", "3601", ProblemKind.OutOfRange, "TEST_DELAY='3601' is out of range; expected a number of seconds from 0 to 3600.")]
    [InlineData("TEST_OPTIONAL_DELAY", "-0.5", ProblemKind.OutOfRange, "TEST_OPTIONAL_DELAY='-0.5' is negative; expected a number of seconds at least 0.")]
    [InlineData("TEST_FLAG", "on", ProblemKind.Malformed, "TEST_FLAG='on' is not a boolean; expected true or false (also 1/0, yes/no).")]
    [InlineData("TEST_PROFILE", "reckless", ProblemKind.Malformed, "TEST_PROFILE='reckless' is not a known value; expected one of conservative, moderate, aggressive.")]
    [InlineData("TEST_PROFILE", "2", ProblemKind.Malformed, "TEST_PROFILE='2' is not a known value; expected one of conservative, moderate, aggressive.")]
    [InlineData("TEST_FLAG", "fal\u017Fe", ProblemKind.Malformed, "TEST_FLAG='fal\u017Fe' is not a boolean; expected true or false (also 1/0, yes/no).")]
    [InlineData("TEST_COUNT", "2\0", ProblemKind.Malformed, "TEST_COUNT='2\\u0000' contains the control character U+0000; expected an integer from 0 to 1000.")]
    [InlineData("TEST_RATIO", "0.5\0\0", ProblemKind.Malformed, "TEST_RATIO='0.5\\u0000\\u0000' contains the control character U+0000; expected a number from 0 to 1.")]
    [InlineData("TEST_OPTIONAL_COUNT", "3\0", ProblemKind.Malformed, "TEST_OPTIONAL_COUNT='3\\u0000' contains the control character U+0000; expected an integer.")]
    [InlineData("TEST_COUNT", "2\nerror: TEST_RATIO=3", ProblemKind.Malformed, "TEST_COUNT='2\\u000Aerror: TEST_RATIO=3' contains the control character U+000A; expected an integer from 0 to 1000.")]
    public void A_bad_value_is_a_problem_that_names_the_variable_the_value_and_what_was_expected(string name, string value, ProblemKind kind, string message)
    {
        var problem = Single(BindEveryType((name, value)));

        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal(kind, problem.Kind);
        Assert.Equal(name, problem.Variable);
        Assert.Equal(value, problem.Value);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void A_very_long_value_is_shortened_in_the_message_and_kept_whole_in_the_problem()
    {
        var value = new string('9', 5000) + "x";

        var problem = Single(BindEveryType(("TEST_COUNT", value)));

        Assert.Equal(value, problem.Value);
        Assert.Equal("TEST_COUNT='" + new string('9', 100) + "... (5001 characters)' is not an integer; expected an integer from 0 to 1000.", problem.Message);
    }

    [Fact]
    public void An_unset_variable_whose_default_the_generator_could_not_check_is_an_error_when_out_of_range_or_no_member()
    {
        // The defaults (a static field, a constructor, an enum value that is no member) were used as they were: a
        // 300 s wait against a range of 0 to 60.
        var unset = UncheckedDefaultSettings.Bind(new Dictionary<string, string?>());

        Assert.Null(unset.Settings);
        Assert.Equal(
            new[]
            {
                "UNCHECKED_WAIT is not set and its default 300 is out of range; expected a number of seconds from 0 to 60.",
                "UNCHECKED_CAP is not set and its default 20 is out of range; expected an integer from 1 to 10.",
                "UNCHECKED_DAY is not set and its default 42 is out of range; expected one of sunday, monday, tuesday, wednesday, thursday, friday, saturday.",
            },
            unset.Errors.Select(p => p.Message));
        Assert.All(unset.Errors, p => Assert.Equal(ProblemKind.OutOfRange, p.Kind));

        var set = UncheckedDefaultSettings.Bind(new Dictionary<string, string?> { ["UNCHECKED_WAIT"] = "60", ["UNCHECKED_CAP"] = "10", ["UNCHECKED_DAY"] = "friday" });
        Assert.True(set.IsValid);
        Assert.Null(set.Settings!.Ratio);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_call()
    {
        var result = BindEveryType(("TEST_COUNT", "lots"), ("TEST_RATIO", "2"), ("TEST_DELAY", "5min"), ("TEST_FLAG", "maybe"), ("TEST_PROFILE", "wild"));

        Assert.False(result.IsValid);
        Assert.Equal(
            new[] { "TEST_FLAG", "TEST_COUNT", "TEST_RATIO", "TEST_DELAY", "TEST_PROFILE" },
            result.Errors.Select(p => p.Variable));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_secret_value_is_masked_in_problems_and_in_the_bound_values()
    {
        var bad = BindRules(("RULES_LEDGER", "redis"), ("RULES_LEDGER_PASSWORD", ""));
        var good = BindRules(("RULES_LEDGER", "redis"), ("RULES_LEDGER_PASSWORD", "hunter2"));

        var problem = Assert.Single(bad.Problems);
        Assert.Equal(ProblemKind.Missing, problem.Kind);
        Assert.Equal("RULES_LEDGER_PASSWORD is empty (required when RULES_LEDGER is redis); expected a value.", problem.Message);
        Assert.True(good.IsValid);
        Assert.Equal("hunter2", good.Settings.LedgerPassword);
        var shown = good.Settings.BoundVariables.Single(b => b.Variable.PropertyName == nameof(RuleSettings.LedgerPassword));
        Assert.Equal("***", shown.DisplayValue);
        Assert.DoesNotContain(good.Settings.BoundVariables, b => b.DisplayValue == "hunter2");
    }

    [Fact]
    public void A_required_variable_that_is_not_set_is_a_problem()
    {
        var result = RuleSettings.Bind(new Dictionary<string, string?>());

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.Missing, problem.Kind);
        Assert.Null(problem.Value);
        Assert.Equal("RULES_ACCOUNT is not set; expected a value.", problem.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_required_variable_that_is_blank_is_a_problem(string value)
    {
        var problem = Assert.Single(RuleSettings.Bind(new Dictionary<string, string?> { ["RULES_ACCOUNT"] = value }).Problems);

        Assert.Equal(ProblemKind.Missing, problem.Kind);
        Assert.Equal("RULES_ACCOUNT is empty; expected a value.", problem.Message);
    }

    [Fact]
    public void A_conditionally_required_variable_is_only_required_when_its_condition_holds()
    {
        Assert.True(BindRules(("RULES_LEDGER", "memory")).IsValid);
        var problem = Assert.Single(BindRules(("RULES_LEDGER", "redis")).Problems);
        Assert.Equal("RULES_LEDGER_PASSWORD is not set (required when RULES_LEDGER is redis); expected a value.", problem.Message);
    }

    [Fact]
    public void Cross_field_rules_compare_the_values_in_force()
    {
        var result = BindRules(("RULES_LOW", "5"), ("RULES_HIGH", "3"), ("RULES_SHORTER_WAIT", "10"));

        Assert.Equal(
            new[]
            {
                "RULES_HIGH=3 must be at least RULES_LOW (5).",
                "RULES_SHORTER_WAIT=10 must be at most RULES_SHORT_WAIT (5).",
            },
            result.Errors.Select(p => p.Message));
        Assert.All(result.Errors, p => Assert.Equal(ProblemKind.CrossField, p.Kind));
    }

    [Fact]
    public void A_cross_field_rule_is_skipped_when_one_side_is_already_wrong_or_unset()
    {
        var result = BindRules(("RULES_LOW", "500"), ("RULES_HIGH", "3"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("RULES_LOW", problem.Variable);
        Assert.True(BindRules(("RULES_SHORT_WAIT", "1")).IsValid);
    }

    [Fact]
    public void The_class_validation_method_reports_into_the_same_list()
    {
        var result = BindRules(("RULES_ACCOUNT", "demo"), ("RULES_HIGH", "20"), ("RULES_COUNT_TYPO", "1"));

        var problem = Assert.Single(result.Errors);
        Assert.Equal(ProblemKind.Custom, problem.Kind);
        Assert.Equal("RULES_HIGH=20 is not allowed; expected at most 10 for the demo account.", problem.Message);

        var warning = BindRules(("RULES_ACCOUNT", "legacy"));
        Assert.True(warning.IsValid);
        Assert.Equal(ProblemSeverity.Warning, Assert.Single(warning.Problems).Severity);
    }

    [Fact]
    public void A_mistyped_prefixed_variable_gets_a_did_you_mean_warning()
    {
        var result = BindEveryType(("TEST_RATO", "0.2"), ("TEST_COUTN", "8"), ("TEST_SOMETHING_ELSE", "1"), ("OTHER_RATIO", "1"));

        Assert.True(result.IsValid);
        Assert.Equal(
            new[]
            {
                "TEST_COUTN is not a known variable and is ignored; did you mean TEST_COUNT?",
                "TEST_RATO is not a known variable and is ignored; did you mean TEST_RATIO?",
            },
            result.Warnings.Select(p => p.Message));
        Assert.All(result.Warnings, p => Assert.Equal(ProblemKind.UnknownVariable, p.Kind));
    }

    [Fact]
    public void A_known_name_in_another_case_that_a_case_sensitive_environment_would_ignore_is_an_error()
    {
        // On Linux TEST_cOUNT is another variable than TEST_COUNT: ignoring it would run on the default nobody meant.
        var alone = BindEveryType(("TEST_cOUNT", "7"));
        var differing = BindEveryType(("TEST_COUNT", "7"), ("test_count", "8"));
        var same = BindEveryType(("TEST_COUNT", "7"), ("test_count", "7"));

        var error = Assert.Single(alone.Errors);
        Assert.Equal(ProblemKind.UnknownVariable, error.Kind);
        Assert.Equal("TEST_cOUNT=7 is ignored: names are case-sensitive here and TEST_COUNT is not set, so it would run on its default; write it as TEST_COUNT.", error.Message);
        Assert.Equal("test_count=8 is ignored and differs from TEST_COUNT=7, which applies: names are case-sensitive here; keep one.", Assert.Single(differing.Errors).Message);
        Assert.True(same.IsValid);
        Assert.Equal("test_count is not a known variable and is ignored; TEST_COUNT holds the same value.", Assert.Single(same.Warnings).Message);
    }

    [Fact]
    public void A_did_you_mean_warning_masks_the_value_of_a_variable_close_to_a_secret()
    {
        var result = BindEveryType(("TEST_API_TOKN", "s3cret"));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("TEST_API_TOKEN", warning.Expected);
        Assert.Equal("***", warning.Value);
    }
}
