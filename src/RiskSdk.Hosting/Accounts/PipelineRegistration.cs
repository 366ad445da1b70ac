using System;

namespace RiskSdk.Hosting.Accounts;

/// <summary>A pipeline registered for an account, built when the host starts so a pipeline that cannot be built fails start.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Type">The pipeline's type.</param>
/// <param name="Resolve">Resolves the registered singleton.</param>
internal sealed record PipelineRegistration(string Account, Type Type, Func<IServiceProvider, object> Resolve);
