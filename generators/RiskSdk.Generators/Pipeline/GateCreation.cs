namespace RiskSdk.Generators.Pipeline;

/// <summary>How the generated pipeline gets hold of a gate.</summary>
internal enum GateCreation
{
    /// <summary>The check method is static: no instance, no field.</summary>
    Static,

    /// <summary>The generated constructor creates it, filling its constructor from the context.</summary>
    Created,

    /// <summary>The app creates it and passes it to the generated constructor.</summary>
    Supplied,
}
