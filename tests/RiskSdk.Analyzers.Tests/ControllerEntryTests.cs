using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace RiskSdk.Analyzers.Tests;

/// <summary>
/// RISK005 on web entry points: a controller action (a public instance method of a <c>ControllerBase</c> or
/// <c>Controller</c>, of a <c>[Controller]</c>/<c>[ApiController]</c> class, or, where the app sees MVC, of a public class
/// named "…Controller") is called by the framework, so a mark there moves the
/// obligation to callers that do not exist. Helpers the action calls, static or <c>[NonAction]</c> methods, and
/// classes that only look like controllers are not entries. A minimal-API handler is a delegate handed to the
/// framework: a marked method passed as one, or a lambda that places an order, is RISK001 at the handler.
/// </summary>
public sealed class ControllerEntryTests
{
    /// <summary>The parts of ASP.NET Core MVC and minimal APIs the detection reads (names and namespaces).</summary>
    private const string AspNetCore = """

        namespace Microsoft.AspNetCore.Mvc
        {
            [Controller] public abstract class ControllerBase { }
            public abstract class Controller : ControllerBase { }
            [System.AttributeUsage(System.AttributeTargets.Class)] public class ControllerAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class ApiControllerAttribute : ControllerAttribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class NonActionAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class NonControllerAttribute : System.Attribute { }
        }

        namespace Microsoft.AspNetCore.Builder
        {
            public sealed class WebApplication { }
            public static class EndpointRouteBuilderExtensions
            {
                public static void MapPost(this WebApplication app, string pattern, System.Delegate handler) { }
            }
        }
        """;

    private static DiagnosticResult AtEntry(string method) =>
        Verify.Diagnostic(RiskDiagnostics.PlacementAtEntryId).WithArguments(method, "a controller action, which the web framework calls");

    [Theory]
    [InlineData("ControllerBase")]
    [InlineData("Controller")]
    public Task A_marked_action_of_a_controller_class_is_RISK005(string baseClass) => Verify.Analyzer($$"""
        public sealed class OrdersController(Broker broker) : Microsoft.AspNetCore.Mvc.{{baseClass}}
        {
            [{|#0:RiskSdk.OrderPlacement|}]
            public void Post(Order order) => broker.Place(order);
        }
        """ + AspNetCore,
        AtEntry("OrdersController.Post"));

    [Fact]
    public Task A_marked_action_of_an_ApiController_class_is_RISK005() => Verify.Analyzer("""
        [Microsoft.AspNetCore.Mvc.ApiController]
        public sealed class Orders(Broker broker)
        {
            [{|#0:RiskSdk.OrderPlacement|}]
            public void Post(Order order) => broker.Place(order);
        }
        """ + AspNetCore,
        AtEntry("Orders.Post"));

    [Fact]
    public Task A_marked_action_of_a_class_whose_base_is_an_ApiController_is_RISK005() => Verify.Analyzer("""
        [Microsoft.AspNetCore.Mvc.ApiController]
        public abstract class ApiBase { }

        public sealed class Orders(Broker broker) : ApiBase
        {
            [{|#0:RiskSdk.OrderPlacement|}]
            public void Post(Order order) => broker.Place(order);
        }
        """ + AspNetCore,
        AtEntry("Orders.Post"));

    [Fact]
    public Task A_guarded_action_that_calls_a_marked_private_helper_is_clean() => Verify.Analyzer("""
        public sealed class OrdersController(Broker broker, Limits limits) : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            public void Post(Order order)
            {
                if (!limits.CanOpen(order)) return;
                Send(order);
            }

            [RiskSdk.OrderPlacement]
            private void Send(Order order) => broker.Place(order);
        }
        """ + AspNetCore);

    [Fact]
    public Task An_unguarded_action_is_RISK001_where_the_order_is_placed() => Verify.Analyzer("""
        public sealed class OrdersController(Broker broker) : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            public void Post(Order order) => {|#0:broker.Place(order)|};
        }
        """ + AspNetCore,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId).WithArguments("Broker.Place", string.Empty));

    [Theory]
    [InlineData("[Microsoft.AspNetCore.Mvc.NonAction] public void Post(Order order) => broker.Place(order);")]
    [InlineData("public static void Post(Broker broker, Order order) => broker.Place(order);")]
    [InlineData("internal void Post(Order order) => broker.Place(order);")]
    public Task A_controller_method_the_framework_does_not_call_is_not_RISK005(string member) => Verify.Analyzer($$"""
        public sealed class OrdersController(Broker broker, Limits limits) : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            [RiskSdk.OrderPlacement]
            {{member}}

            public void Buy(Order order) { if (limits.CanOpen(order)) Post({{(member.Contains("static") ? "broker, " : string.Empty)}}order); }
        }
        """ + AspNetCore);

    [Theory]
    [InlineData("OrderDesk", "public sealed class OrderDesk(Broker broker) : Mvc.ControllerBase", "namespace Mvc { public abstract class ControllerBase { } }")]
    [InlineData("OrdersController", "[Microsoft.AspNetCore.Mvc.NonController] public sealed class OrdersController(Broker broker) : Microsoft.AspNetCore.Mvc.ControllerBase", "")]
    [InlineData("OrdersController", "[Microsoft.AspNetCore.Mvc.NonController] public sealed class OrdersController(Broker broker)", "")]
    [InlineData("OrdersController", "internal sealed class OrdersController(Broker broker)", "")]
    [InlineData("OrdersController<T>", "public sealed class OrdersController<T>(Broker broker)", "")]
    [InlineData("Outer.OrdersController", "public static class Outer { public sealed class OrdersController(Broker broker)", "}")]
    public Task A_class_that_is_not_a_controller_is_not_RISK005(string type, string declaration, string extra) => Verify.Analyzer($$"""
        {{declaration}}
        {
            [RiskSdk.OrderPlacement]
            public void Post(Order order) => broker.Place(order);
        }
        {{extra}}

        internal sealed class Caller<T>({{type}} orders, Limits limits) { public void Buy(Order order) { if (limits.CanOpen(order)) orders.Post(order); } }
        """ + AspNetCore);

    [Theory]
    [InlineData("public sealed class OrdersController(Broker broker)", "OrdersController.Post")]
    [InlineData("public class Ordercontroller(Broker broker)", "Ordercontroller.Post")]
    [InlineData("[Microsoft.AspNetCore.Mvc.Controller] public sealed class Orders(Broker broker)", "Orders.Post")]
    public Task A_marked_action_of_a_class_MVC_discovers_by_name_or_Controller_attribute_is_RISK005(string declaration, string method) => Verify.Analyzer($$"""
        {{declaration}}
        {
            [{|#0:RiskSdk.OrderPlacement|}]
            public void Post(Order order) => broker.Place(order);
        }
        """ + AspNetCore,
        AtEntry(method));

    [Fact]
    public Task A_class_named_like_a_controller_in_an_app_without_MVC_is_not_RISK005() => Verify.Analyzer("""
        public sealed class OrdersController(Broker broker)
        {
            [RiskSdk.OrderPlacement]
            public void Post(Order order) => broker.Place(order);
        }

        public sealed class Caller(OrdersController orders, Limits limits) { public void Buy(Order order) { if (limits.CanOpen(order)) orders.Post(order); } }
        """);

    [Fact]
    public Task A_marked_method_handed_to_a_minimal_API_is_RISK001_at_the_handler() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;

        public sealed class Desk(Broker broker)
        {
            [RiskSdk.OrderPlacement]
            public void Post(Order order) => broker.Place(order);

            public void Map(WebApplication app) => app.MapPost("/orders", {|#0:Post|});
        }
        """ + AspNetCore,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId).WithArguments("Desk.Post", string.Empty));

    [Fact]
    public Task A_minimal_API_lambda_that_places_an_order_is_RISK001_unless_it_checks() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;

        public static class Endpoints
        {
            public static void Map(WebApplication app, Broker broker, Limits limits)
            {
                app.MapPost("/orders", (Order order) => {|#0:broker.Place(order)|});
                app.MapPost("/checked", (Order order) => { if (limits.CanOpen(order)) broker.Place(order); });
            }
        }
        """ + AspNetCore,
        Verify.Diagnostic(RiskDiagnostics.UnguardedOrderId).WithArguments("Broker.Place", string.Empty));
}
