using System;
using System.Threading;

namespace RiskSdk.AspNetCore;

/// <summary>The context the endpoints serve: the one given, or the registered one, resolved at the first request (a failed resolution is tried again at the next).</summary>
internal sealed class ContextSource
{
    private readonly Lazy<RiskContext> _context;

    public ContextSource(RiskContext context)
    {
        Name = context.Name;
        _context = new Lazy<RiskContext>(context);
    }

    public ContextSource(string name, Func<RiskContext> resolve)
    {
        Name = name;
        _context = new Lazy<RiskContext>(resolve, LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The context's name, known without resolving it.</summary>
    public string Name { get; }

    /// <summary>The context.</summary>
    public RiskContext Value => _context.Value;
}
