using OrderRouter;

// The whole RiskSdk wiring: settings from appsettings.json and OI_TRACKER_* variables (validated at start, reloaded
// live), the generated pipeline, the ledger RISK_LEDGER names, reconciliation with the broker, health and the page.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<PaperBroker>();
builder.Services.AddRiskSdk<RouterSettings>()
    .AddPipeline<RouterPipeline>()
    .UseRedisLedger()
    .AddBrokerReconciliation<PaperBroker>();
builder.Services.AddHealthChecks().AddRiskSdk();

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapRiskSdk("/risk");
app.MapPost("/orders", OrderDesk.Place);
app.MapDelete("/positions/{exchange}/{positionId}", OrderDesk.Close);
app.Run();

/// <summary>The app's entry point, public so tests can host it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
