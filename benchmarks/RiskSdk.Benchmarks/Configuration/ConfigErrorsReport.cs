using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.IO;
using System.Linq;

namespace RiskSdk.Benchmarks.Configuration;

/// <summary><c>--show-config-errors</c>: what each binder tells the operator about <see cref="ConfigInputs.ThreeBad"/>.</summary>
public static class ConfigErrorsReport
{
    /// <summary>The command-line switch.</summary>
    public const string Switch = "--show-config-errors";

    /// <summary>Prints the input, then each binder's report, exactly as each produces it.</summary>
    /// <param name="output">Where to write.</param>
    public static void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("Input (the OI_TRACKER_* variables set; three are bad):");
        foreach (var (name, value) in ConfigInputs.ThreeBad.Where(static pair => pair.Key.StartsWith(ConfigInputs.Prefix, StringComparison.Ordinal)).OrderBy(static pair => pair.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {name}={value}");
        }

        output.WriteLine();
        output.WriteLine("Generated binding (GeneratedTrackerSettings.Bind):");
        var generated = GeneratedTrackerSettings.Bind(ConfigInputs.ThreeBad);
        output.WriteLine($"  settings usable: {generated.IsValid}; {generated.Errors.Count} errors, {generated.Warnings.Count} warnings");
        foreach (var problem in generated.Problems)
        {
            output.WriteLine("  " + problem);
        }

        output.WriteLine();
        output.WriteLine("Microsoft.Extensions.Configuration.Binder + DataAnnotations (Get<AutoExecOptions>(), Validator.TryValidateObject):");
        var results = new List<ValidationResult>();
        try
        {
            PeerBinder.BindAndValidate(PeerBinder.BuildConfiguration(ConfigInputs.ThreeBad), results);
            output.WriteLine($"  bound; {results.Count} validation results");
        }
        catch (InvalidOperationException exception)
        {
            output.WriteLine($"  {exception.GetType().Name}: {exception.Message}");
            if (exception.InnerException is { } inner)
            {
                output.WriteLine($"    inner {inner.GetType().Name}: {inner.Message}");
            }

            output.WriteLine("  (binding stopped here; validation never ran)");
        }

        PrintValidation(output, results);
        output.WriteLine();
        output.WriteLine("The peer's second start, after the operator fixes the value it named (AUTO_EXEC_MAX_OPEN_POSITIONS=2):");
        var fixedOnce = new Dictionary<string, string?>(ConfigInputs.ThreeBad, StringComparer.Ordinal) { ["OI_TRACKER_AUTO_EXEC_MAX_OPEN_POSITIONS"] = "2" };
        results.Clear();
        PeerBinder.BindAndValidate(PeerBinder.BuildConfiguration(fixedOnce), results);
        output.WriteLine($"  bound; {results.Count} validation results");
        PrintValidation(output, results);
    }

    private static void PrintValidation(TextWriter output, List<ValidationResult> results)
    {
        foreach (var result in results)
        {
            output.WriteLine($"  {string.Join(", ", result.MemberNames)}: {result.ErrorMessage}");
        }
    }
}
