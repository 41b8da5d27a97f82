using System.Globalization;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Http;

/// <summary>
/// What every HTTP function goes through, written out rather than left to worker middleware (the
/// local host runs functions without the worker's invocation pipeline, and this way both hosts do
/// exactly the same): ids in the route that cannot be ids answer 404 before any storage is touched,
/// bodies in a charset other than UTF-8 answer 415, API calls answer 503 with Retry-After until the
/// start-up storage check has passed, and any exception, thrown by the function or while its result
/// is written, becomes problem details (a page for a page) — never a bare 500 from the host.
/// </summary>
public sealed partial class HttpGate(StorageInitializer storage, EdgePolicy edge, AccessKeys keys, AdminKeyThrottle throttle, LinkCookies linkCookies, ILogger<HttpGate> logger)
{
    /// <summary>Runs a function body behind the gate.</summary>
    public async Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> body, bool needsStorage = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        var context = request.HttpContext;
        edge.ApplyHeaders(context);
        if (!edge.IsAllowedHost(context))
        {
            return RequestGuards.Answer(context, StatusCodes.Status400BadRequest, "unknown-host", "请求的网址不正确。", "The Host header does not name this site.");
        }

        var client = edge.ClientAddress(context) ?? "unknown";
        context.Items[EdgePolicy.ClientAddressItem] = client;
        if (RequestGuards.Refusal(context) is { } refused)
        {
            return refused;
        }

        if (context.Request.Headers[AccessKeys.AdminKeyHeader] is { Count: > 0 } adminKey && adminKey.ToString().Length > 0)
        {
            if (throttle.IsBlocked(client))
            {
                return AdminKeyThrottle.TooMany(context);
            }

            if (!keys.IsAdminKey(adminKey))
            {
                throttle.RecordFailure(client);
            }
        }

        if (linkCookies.Exchange(context) is { } exchanged)
        {
            return exchanged;
        }

        if (needsStorage && !storage.IsReady)
        {
            request.HttpContext.Response.Headers.RetryAfter = ExceptionMapping.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return RequestGuards.Answer(request.HttpContext, StatusCodes.Status503ServiceUnavailable, "storage-unavailable", "系统存储暂时无法访问，请稍后重试。", "Storage is not reachable yet.");
        }

        try
        {
            return new Guarded(await body(), this);
        }
        catch (Exception ex) when (IsMappable(request.HttpContext, ex))
        {
            return Map(request.HttpContext, ex);
        }
    }

    /// <summary>Runs a synchronous function body behind the gate.</summary>
    public Task<IResult> Run(HttpRequest request, Func<IResult> body, bool needsStorage = true) =>
        RunAsync(request, () => Task.FromResult(body()), needsStorage);

    private IResult Map(HttpContext context, Exception exception)
    {
        var (status, code, title, detail) = ExceptionMapping.Classify(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = ExceptionMapping.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            LogStorageUnavailable(logger, exception.GetType().Name);
        }
        else if (status >= 500)
        {
            LogUnhandled(logger, exception);
        }

        return RequestGuards.Answer(context, status, code, title, detail);
    }

    // A client that went away needs no answer; a storage client's own time-out (a cancellation nobody
    // asked for) is an outage like any other.
    private static bool IsMappable(HttpContext context, Exception exception) =>
        !context.Response.HasStarted && !(exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested);

    /// <summary>Writes the function's result, mapping a failure that happens before the first byte is sent.</summary>
    private sealed class Guarded(IResult inner, HttpGate gate) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            try
            {
                await inner.ExecuteAsync(httpContext);
            }
            catch (Exception ex) when (IsMappable(httpContext, ex))
            {
                await gate.Map(httpContext, ex).ExecuteAsync(httpContext);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable ({ExceptionType}); answered 503")]
    private static partial void LogStorageUnavailable(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
