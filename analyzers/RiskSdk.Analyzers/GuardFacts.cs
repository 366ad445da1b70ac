using System;

namespace RiskSdk.Analyzers;

/// <summary>The properties of a value that, when they hold, prove a position-limit check approved on this path.</summary>
[Flags]
internal enum GuardBits
{
    None = 0,

    /// <summary>The value being true proves approval.</summary>
    IfTrue = 1,

    /// <summary>The value being false proves approval.</summary>
    IfFalse = 2,

    /// <summary>The value's approval member (see <see cref="GuardFacts.Member"/>) proves approval.</summary>
    IfApproved = 4,

    /// <summary>The awaited value being true proves approval.</summary>
    IfAwaitedTrue = 8,

    /// <summary>The awaited value's approval member proves approval.</summary>
    IfAwaitedApproved = 16,

    /// <summary>Awaiting the value without an exception proves approval (an assert-style async check).</summary>
    IfAwaitedAssert = 32,

    /// <summary>The value being greater than zero proves approval (a count of free slots).</summary>
    IfPositive = 64,

    /// <summary>The awaited value being greater than zero proves approval.</summary>
    IfAwaitedPositive = 128,

    /// <summary>The awaited value being false proves approval (an async "is blocked?" check).</summary>
    IfAwaitedFalse = 256,

    /// <summary>Bits that need <see cref="GuardFacts.Member"/>.</summary>
    MemberBits = IfApproved | IfAwaitedApproved,

    All = IfTrue | IfFalse | IfApproved | IfAwaitedTrue | IfAwaitedApproved | IfAwaitedAssert | IfPositive | IfAwaitedPositive | IfAwaitedFalse,
}

/// <summary>
/// What a value tells about the guard: <see cref="GuardBits"/>, and for a result object the member that carries
/// approval (<c>IsApproved</c>, <c>IsAllowed</c>, <c>!IsBlocked</c> when false approves, a tuple element name). A
/// null member with member bits means "any member" (a value stored on a path that is already guarded).
/// </summary>
internal readonly struct GuardFacts : IEquatable<GuardFacts>
{
    private GuardFacts(GuardBits bits, string? member)
    {
        Bits = bits;
        Member = (bits & GuardBits.MemberBits) == 0 ? null : member;
    }

    public GuardBits Bits { get; }

    public string? Member { get; }

    public static GuardFacts None => default;

    public static GuardFacts IfTrue => new(GuardBits.IfTrue, null);

    public static GuardFacts IfFalse => new(GuardBits.IfFalse, null);

    public static GuardFacts IfAwaitedTrue => new(GuardBits.IfAwaitedTrue, null);

    public static GuardFacts IfAwaitedAssert => new(GuardBits.IfAwaitedAssert, null);

    public static GuardFacts IfAwaitedFalse => new(GuardBits.IfAwaitedFalse, null);

    public static GuardFacts IfPositive => new(GuardBits.IfPositive, null);

    public static GuardFacts IfAwaitedPositive => new(GuardBits.IfAwaitedPositive, null);

    /// <summary>Every property proves approval: the value was stored on a guarded path.</summary>
    public static GuardFacts All => new(GuardBits.All, null);

    /// <summary>What a task says once awaited: kept through <c>ConfigureAwait</c> and <c>GetAwaiter</c>.</summary>
    public static GuardFacts AwaitedFacts => new(GuardBits.IfAwaitedTrue | GuardBits.IfAwaitedFalse | GuardBits.IfAwaitedApproved | GuardBits.IfAwaitedAssert | GuardBits.IfAwaitedPositive, null);

    /// <summary>The result's <paramref name="member"/> (<c>!Name</c>: false approves) proves approval.</summary>
    public static GuardFacts IfApproved(string member) => new(GuardBits.IfApproved, member);

    /// <summary>The awaited result's <paramref name="member"/> proves approval.</summary>
    public static GuardFacts IfAwaitedApproved(string member) => new(GuardBits.IfAwaitedApproved, member);

    public bool Has(GuardBits bits) => (Bits & bits) != 0;

    public bool Has(GuardFacts facts) => (Bits & facts.Bits) != 0;

    /// <summary>Only the given bits, keeping the member.</summary>
    public GuardFacts Only(GuardBits bits) => new(Bits & bits, Member);

    /// <summary>The facts of the negated value.</summary>
    public GuardFacts Negate() =>
        new((Has(GuardBits.IfTrue) ? GuardBits.IfFalse : GuardBits.None) | (Has(GuardBits.IfFalse) ? GuardBits.IfTrue : GuardBits.None), null);

    /// <summary>The facts of the value used as a plain bool.</summary>
    public GuardFacts AsBoolean() => Only(GuardBits.IfTrue | GuardBits.IfFalse);

    /// <summary>The facts of the awaited value.</summary>
    public GuardFacts Awaited() => new(
        (Has(GuardBits.IfAwaitedTrue) ? GuardBits.IfTrue : GuardBits.None)
        | (Has(GuardBits.IfAwaitedFalse) ? GuardBits.IfFalse : GuardBits.None)
        | (Has(GuardBits.IfAwaitedApproved) ? GuardBits.IfApproved : GuardBits.None)
        | (Has(GuardBits.IfAwaitedPositive) ? GuardBits.IfPositive : GuardBits.None),
        Member);

    /// <summary>The facts of <c>value.name</c>, a bool member: the approval member proves approval when true (or false for <c>!Name</c>).</summary>
    public GuardFacts MemberNamed(string name)
    {
        if (!Has(GuardBits.IfApproved))
        {
            return None;
        }

        if (Member is null || Member == name)
        {
            return IfTrue;
        }

        return Member.Length == name.Length + 1 && Member[0] == '!' && string.CompareOrdinal(Member, 1, name, 0, name.Length) == 0 ? IfFalse : None;
    }

    /// <summary>Union of what each side proves (either value proves it): a member the two disagree on is dropped.</summary>
    public static GuardFacts operator |(GuardFacts left, GuardFacts right)
    {
        var bits = left.Bits | right.Bits;
        return left.Member == right.Member || !left.Has(GuardBits.MemberBits) || !right.Has(GuardBits.MemberBits)
            ? new GuardFacts(bits, left.Has(GuardBits.MemberBits) ? (right.Has(GuardBits.MemberBits) && right.Member is null ? null : left.Member) : right.Member)
            : new GuardFacts(bits & ~GuardBits.MemberBits, null);
    }

    /// <summary>Intersection (what both prove): "any member" meets a named one as that one; two names that differ meet as none.</summary>
    public static GuardFacts operator &(GuardFacts left, GuardFacts right)
    {
        var bits = left.Bits & right.Bits;
        if ((bits & GuardBits.MemberBits) == 0 || left.Member == right.Member)
        {
            return new GuardFacts(bits, left.Member);
        }

        return left.Member is null ? new GuardFacts(bits, right.Member)
            : right.Member is null ? new GuardFacts(bits, left.Member)
            : new GuardFacts(bits & ~GuardBits.MemberBits, null);
    }

    public static bool operator ==(GuardFacts left, GuardFacts right) => left.Equals(right);

    public static bool operator !=(GuardFacts left, GuardFacts right) => !left.Equals(right);

    public bool Equals(GuardFacts other) => Bits == other.Bits && Member == other.Member;

    public override bool Equals(object? obj) => obj is GuardFacts other && Equals(other);

    public override int GetHashCode() => ((int)Bits * 397) ^ (Member?.GetHashCode() ?? 0);
}

/// <summary>Algebra over <see cref="GuardFacts"/> for the boolean operators.</summary>
internal static class GuardFactsAlgebra
{
    /// <summary>Facts of <c>left &amp; right</c> (both true, or either false).</summary>
    public static GuardFacts And(GuardFacts left, GuardFacts right) =>
        (left | right).Only(GuardBits.IfTrue) | (left & right).Only(GuardBits.IfFalse);

    /// <summary>Facts of <c>left | right</c> (both must prove it when true; either when false).</summary>
    public static GuardFacts Or(GuardFacts left, GuardFacts right) => And(left.Negate(), right.Negate()).Negate();
}
