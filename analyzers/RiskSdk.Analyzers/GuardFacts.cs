using System;

namespace RiskSdk.Analyzers;

/// <summary>
/// What a value tells about the guard: each flag names a property of the value that, when it holds, proves a
/// position-limit check approved on this path. A value stored while already guarded gets <see cref="All"/>.
/// </summary>
[Flags]
internal enum GuardFacts
{
    None = 0,

    /// <summary>The value being true proves approval.</summary>
    IfTrue = 1,

    /// <summary>The value being false proves approval.</summary>
    IfFalse = 2,

    /// <summary>The value's <c>IsApproved</c> being true proves approval.</summary>
    IfApproved = 4,

    /// <summary>The awaited value being true proves approval.</summary>
    IfAwaitedTrue = 8,

    /// <summary>The awaited value's <c>IsApproved</c> being true proves approval.</summary>
    IfAwaitedApproved = 16,

    /// <summary>Awaiting the value without an exception proves approval (an assert-style async check).</summary>
    IfAwaitedAssert = 32,

    /// <summary>What a task says once awaited: kept through <c>ConfigureAwait</c> and <c>GetAwaiter</c>.</summary>
    AwaitedFacts = IfAwaitedTrue | IfAwaitedApproved | IfAwaitedAssert,

    All = IfTrue | IfFalse | IfApproved | IfAwaitedTrue | IfAwaitedApproved | IfAwaitedAssert,
}

/// <summary>Algebra over <see cref="GuardFacts"/> for the boolean operators.</summary>
internal static class GuardFactsAlgebra
{
    public static bool Has(this GuardFacts facts, GuardFacts flag) => (facts & flag) != 0;

    /// <summary>The facts of the negated value.</summary>
    public static GuardFacts Negate(this GuardFacts facts) =>
        (facts.Has(GuardFacts.IfTrue) ? GuardFacts.IfFalse : GuardFacts.None)
        | (facts.Has(GuardFacts.IfFalse) ? GuardFacts.IfTrue : GuardFacts.None);

    /// <summary>The facts of the value used as a plain bool.</summary>
    public static GuardFacts AsBoolean(this GuardFacts facts) => facts & (GuardFacts.IfTrue | GuardFacts.IfFalse);

    /// <summary>Facts of <c>left &amp; right</c> (both true, or either false).</summary>
    public static GuardFacts And(GuardFacts left, GuardFacts right) =>
        ((left | right) & GuardFacts.IfTrue) | (left & right & GuardFacts.IfFalse);

    /// <summary>Facts of <c>left | right</c> (both must prove it when true; either when false).</summary>
    public static GuardFacts Or(GuardFacts left, GuardFacts right) => And(left.Negate(), right.Negate()).Negate();

    /// <summary>The facts of <c>value.IsApproved</c>.</summary>
    public static GuardFacts IsApprovedMember(this GuardFacts value) => value.Has(GuardFacts.IfApproved) ? GuardFacts.IfTrue : GuardFacts.None;
}
