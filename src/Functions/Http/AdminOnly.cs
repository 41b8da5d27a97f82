namespace GuanGong.Functions.Http;

/// <summary>Admits only the admin key to a function body, answering 401 otherwise.</summary>
public sealed class AdminOnly(AccessKeys keys)
{
    public Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        return keys.IsAdminKey(request.Headers[AccessKeys.AdminKeyHeader])
            ? body()
            : Task.FromResult(Problems.Unauthorized("需要管理员密钥。", $"This function needs the admin key in the {AccessKeys.AdminKeyHeader} header."));
    }
}
