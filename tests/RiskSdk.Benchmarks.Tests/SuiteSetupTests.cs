using System;
using RiskSdk.Benchmarks.Configuration;
using RiskSdk.Benchmarks.Decision;
using RiskSdk.Benchmarks.OrderRate;
using RiskSdk.Benchmarks.PositionBook;
using RiskSdk.Benchmarks.Scopes;

namespace RiskSdk.Benchmarks.Tests;

/// <summary>Each suite's setup holds (it throws when a path does not decide as named) and each benchmark returns what its name says, run once.</summary>
public sealed class SuiteSetupTests
{
    [Fact]
    public void Decision_benchmarks_take_the_paths_they_are_named_for()
    {
        using var suite = new DecisionBenchmarks();
        suite.Setup();

        Assert.True(suite.FloorApproved());
        Assert.True(suite.GeneratedApproved());
        Assert.True(suite.RiskPipelineApproved());
        Assert.True(suite.NaiveApproved());
        Assert.False(suite.FloorLowConfidence());
        Assert.False(suite.GeneratedLowConfidence());
        Assert.False(suite.RiskPipelineLowConfidence());
        Assert.False(suite.NaiveLowConfidence());
        Assert.False(suite.FloorAtCap());
        Assert.False(suite.GeneratedAtCap());
        Assert.False(suite.RiskPipelineAtCap());
        Assert.False(suite.NaiveAtCap());
    }

    [Fact]
    public void Approval_cost_benchmarks_approve_on_every_rung_and_free_each_slot()
    {
        using var suite = new ApprovalCostBenchmarks();
        suite.Setup();

        Assert.True(suite.Floor());
        Assert.True(suite.ClockReading());
        for (var i = 0; i < 5; i++)
        {
            // Each rung approves again and again: every slot is released, so the cap of 2 is never reached.
            Assert.True(suite.PositionLimitOnly());
            Assert.True(suite.PlainChecks());
            Assert.True(suite.OrderRate());
            Assert.True(suite.NineGates());
        }
    }

    [Theory]
    [InlineData(0)] // nobody watching
    [InlineData(1)] // page streaming
    [InlineData(2)] // page streaming + meter listened
    public void Watched_decision_benchmarks_take_their_paths_in_each_row(int row)
    {
        var suite = new WatchedDecisionBenchmarks();
        Action setup = row switch { 0 => suite.SetupNobodyWatching, 1 => suite.SetupPageStreaming, _ => suite.SetupMeterListened };
        Func<bool> approved = row switch { 0 => suite.Approved0, 1 => suite.Approved1, _ => suite.Approved2 };
        Func<bool> lowConfidence = row switch { 0 => suite.LowConfidence0, 1 => suite.LowConfidence1, _ => suite.LowConfidence2 };
        Func<bool> atCap = row switch { 0 => suite.AtCap0, 1 => suite.AtCap1, _ => suite.AtCap2 };
        setup();

        Assert.True(approved());
        Assert.False(lowConfidence());
        Assert.False(atCap());
        suite.Dispose(); // throws when a watch on a context that decided saw no snapshot or, listening, no measurement
    }

    [Fact]
    public void Order_rate_benchmarks_refuse_at_the_limit_and_count_a_first_order()
    {
        var suite = new OrderRateBenchmarks();
        suite.Setup();

        Assert.False(suite.RingRefusal());
        Assert.False(suite.BucketRefusal());
        Assert.True(suite.RingFirstOrder());
        Assert.True(suite.BucketFirstOrder());
    }

    [Fact]
    public void Order_rate_take_benchmarks_count_every_order()
    {
        var suite = new OrderRateTakeBenchmarks();
        suite.Setup();

        Assert.True(suite.InNewestBucket());
        Assert.True(suite.OneBucketLater());
        Assert.True(suite.ASecondLater());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    public void Scope_benchmarks_create_every_scope_and_approve_among_them(int scopes)
    {
        using var suite = new ScopeBenchmarks { Scopes = scopes };
        suite.Setup();
        var firstWave = new FirstWaveScopeBenchmarks { Scopes = scopes };
        firstWave.Setup();

        Assert.Equal(scopes, suite.CreateAll());
        Assert.True(suite.DecideOnOne());
        Assert.Equal(scopes, firstWave.CreateAll());
    }

    [Fact]
    public void Config_benchmarks_bind_the_valid_input_and_count_the_bad_one()
    {
        var suite = new ConfigBenchmarks();
        suite.Setup();

        Assert.Equal(0, suite.GeneratedValid());
        Assert.Equal(0, suite.PeerValidPrebuilt());
        Assert.Equal(3, suite.GeneratedThreeBad());
        Assert.Equal(1, suite.PeerThreeBad());
    }

    [Fact]
    public void Position_book_benchmarks_leave_the_book_empty()
    {
        using var suite = new PositionBookBenchmarks();
        suite.Setup();

        suite.ReserveReleaseOneThread();
        suite.ReserveReleaseTwoThreadsOneScope();
        suite.ReserveReleaseTwoThreadsSeparateScopes();
        suite.ReserveCommitCloseOneThread();
        suite.ReserveCommitCloseTwoThreadsOneScope();
        suite.ReserveCommitCloseTwoThreadsSeparateScopes();

        Assert.Equal(0, suite.Book.GetTotalCounts().Total);
        Assert.Equal(0, suite.Book.IgnoredOperations);
    }
}
