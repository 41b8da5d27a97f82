using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.LocalHost.SampleApp;

/// <summary>A non-static function class with constructor-injected scoped and singleton services.</summary>
public sealed class ScopeProbe(RequestScope scope, AppCounters counters)
{
    [Function("Scopes")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "scopes")] HttpRequest request,
        FunctionContext context)
    {
        var invocation = counters.NextInvocation();
        return new OkObjectResult(new ScopeReport(
            scope.Id,
            context.InstanceServices.GetRequiredService<RequestScope>().Id,
            request.HttpContext.RequestServices.GetRequiredService<RequestScope>().Id,
            context.GetHttpContext() == request.HttpContext,
            invocation,
            context.FunctionDefinition.Name,
            context.InvocationId));
    }
}
