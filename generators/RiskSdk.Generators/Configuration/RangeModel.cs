namespace RiskSdk.Generators.Configuration;

/// <summary>A declared <c>[Range]</c>, in the setting's unit (seconds for durations); null bounds are open.</summary>
internal sealed record RangeModel(double? Minimum, double? Maximum, bool MinimumIsExclusive, bool MaximumIsExclusive)
{
    public bool Contains(double value) =>
        (Minimum is not { } min || (MinimumIsExclusive ? value > min : value >= min)) &&
        (Maximum is not { } max || (MaximumIsExclusive ? value < max : value <= max));
}
