using GuanGong.Domain;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Organisations;

/// <summary>
/// <c>GET /api/committees?root=</c>: the organisation tree for integrators — the caller's own subtree (everything for the
/// admin key), parents before children. Reviewers' names and addresses are personal data and stay out of it.
/// </summary>
public sealed class OrganisationFunctions(HttpGate gate, Access access, CommitteeDirectory directory)
{
    [Function("ListCommittees")]
    [ApiOperation("The organisation tree (the caller's subtree; the admin key sees all), without reviewers' personal data", Tag = "Organisations",
        Response = typeof(CommitteeTreeView), Problems = [401, 403, 404], Query = ["root:a committee code inside the caller's subtree (default: the caller's own, or every root for the admin key)"],
        Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/committees")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var caller = await access.ResolveAsync(request.HttpContext, ct);
            if (caller is null or UnitCaller)
            {
                return Problems.Unauthorized("需要管理员密钥、关工委接口密钥或统计链接。", "Send the admin key, a committee API key or a dashboard link.");
            }

            var tree = await directory.GetTreeAsync(ct);
            var root = request.Query["root"].ToString() is { Length: > 0 } asked ? asked : caller.SubtreeRoot;
            if (root is not null && !tree.Contains(root))
            {
                return Problems.NotFound("找不到该关工委。", $"There is no committee '{root}'.");
            }

            if (root is not null && !Access.MayRead(caller, tree, root))
            {
                return Problems.Forbidden("无权查看该关工委。", "The committee is outside the caller's subtree.");
            }

            var nodes = root is null ? tree.Roots.SelectMany(r => tree.Subtree(r.Code)) : tree.Subtree(root);
            return TypedResults.Ok(new CommitteeTreeView(root, [.. nodes.Select(c => new CommitteeNodeView(
                c.Code, c.Name, c.Level.ToString(), c.Kind.ToString(), Wording.KindName(c.Kind), c.ParentCode))]));
        });
}

/// <summary>A subtree of the organisation tree, parents before children.</summary>
public sealed record CommitteeTreeView(string? Root, IReadOnlyList<CommitteeNodeView> Committees);

/// <summary>One committee as integrators read it.</summary>
public sealed record CommitteeNodeView(string Code, string Name, string Level, string Kind, string KindName, string? ParentCode);
