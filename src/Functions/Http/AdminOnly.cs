namespace GuanGong.Functions.Http;

/// <summary>An endpoint filter that admits only the admin key, answering 401 otherwise.</summary>
internal sealed class AdminOnly(AccessKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        keys.IsAdminKey(context.HttpContext.Request.Headers[AccessKeys.AdminKeyHeader])
            ? await next(context)
            : Problems.Unauthorized("需要管理员密钥。", $"This function needs the admin key in the {AccessKeys.AdminKeyHeader} header.");
}
