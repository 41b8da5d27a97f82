using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Pages;

/// <summary>
/// <c>POST /api/admin/sessions/revoke</c> with <c>{"scope":"all"}</c>: ends every dashboard session signed in until
/// now, on the server (admin key required). The body names what is revoked, so no stray or malformed request ends anyone's session.
/// </summary>
public sealed class DashboardSessionFunctions(HttpGate gate, AdminOnly admin, DashboardSessionRevocation revocation, TimeProvider time)
{
    [Function("RevokeDashboardSessions")]
    [ApiOperation("End every dashboard session signed in until now (each must sign in again); the body is {\"scope\":\"all\"}", Tag = "Administration",
        RequestBody = typeof(RevokeSessionsRequest), Problems = [400, 401], Security = ["adminKey"])]
    public Task<IResult> RevokeAll(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/sessions/revoke")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, () => admin.RunAsync(request, async () =>
        {
            var body = await RequestBodies.ReadTextAsync(request.HttpContext, 1024, ct);
            RevokeSessionsRequest? asked = null;
            try
            {
                asked = body is { Length: > 0 } ? System.Text.Json.JsonSerializer.Deserialize<RevokeSessionsRequest>(body, Domain.DomainJson.Options) : null;
            }
            catch (System.Text.Json.JsonException)
            {
            }

            if (asked?.Scope != "all")
            {
                return Problems.BadRequest("bad-scope", "请在请求中写明要注销的范围：{\"scope\":\"all\"}。", "The body must be {\"scope\":\"all\"}.");
            }

            var now = time.GetUtcNow();
            await revocation.RevokeAllAsync(now, ct);
            return Results.Ok(new { revokedBefore = now });
        }));
}

/// <summary>What <c>POST /api/admin/sessions/revoke</c> ends: <c>all</c> (every session signed in until now).</summary>
public sealed record RevokeSessionsRequest(string? Scope);
