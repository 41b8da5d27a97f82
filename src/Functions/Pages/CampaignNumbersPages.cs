using System.Globalization;
using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The organiser's numbers on a page (<c>/d/{campaignId}/numbers</c>): the documents leave the pass line, the points and
/// the township share blank ("xxx分制", "xx分以上", "xx%"), and the organiser fills them in here before launch. Each value
/// the shipped template invented carries 示例 until the organiser sets or confirms it. After launch the page only shows
/// them. Signed-in administrators change them; the organiser's dashboard link reads them.
/// </summary>
public sealed class CampaignNumbersPages(HttpGate gate, DashboardSession session, Access access, CampaignNumbers numbers, FormNonces nonces)
{
    private const string Route = "d/{campaignId}/numbers";

    [Function("CampaignNumbersPage")]
    public Task<IResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var signedIn = await session.IsSignedInAsync(request.HttpContext, ct);
            var caller = signedIn ? new AdminCaller() : await access.ResolveAsync(request.HttpContext, ct);
            if (caller is null)
            {
                return SignIn(request.HttpContext);
            }

            var outcome = await numbers.ReadAsync(caller, campaignId, request.Query["kind"].FirstOrDefault(), ct);
            return outcome.View is { } view
                ? Page(view, editable: signedIn && !view.Locked, FormNonce(campaignId), saved: request.Query["saved"] == "1", errors: [], StatusCodes.Status200OK)
                : Refusal(outcome);
        });

    [Function("CampaignNumbersSave")]
    public Task<IResult> Save(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var http = request.HttpContext;
            if (!await session.IsSignedInAsync(http, ct))
            {
                return SignIn(http);
            }

            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
            var kind = request.Query["kind"].FirstOrDefault();
            var current = await numbers.ReadAsync(new AdminCaller(), campaignId, kind, ct);
            if (current.View is not { } view)
            {
                return Refusal(current);
            }

            if (form is null || !nonces.IsValid(form["nonce"], NonceSubject(campaignId), "admin"))
            {
                return PageLayout.Message("页面已过期", "页面打开太久或来源不明，请刷新后重新填写。", StatusCodes.Status400BadRequest, view.StandardName);
            }

            var (changes, errors) = Read(form, view);
            if (errors.Count > 0)
            {
                return Page(view, editable: true, FormNonce(campaignId), saved: false, errors, StatusCodes.Status400BadRequest, form);
            }

            var outcome = await numbers.SetAsync(new AdminCaller(), campaignId, kind, changes, ct);
            if (outcome.View is null)
            {
                return outcome.Errors.Count > 0
                    ? Page(view, editable: true, FormNonce(campaignId), saved: false, [.. outcome.Errors.Select(e => e.MessageZh)], StatusCodes.Status400BadRequest, form)
                    : Refusal(outcome);
            }

            var query = kind is { Length: > 0 } ? $"?kind={Uri.EscapeDataString(kind)}&saved=1" : "?saved=1";
            return Results.Redirect($"/d/{Uri.EscapeDataString(campaignId)}/numbers{query}", permanent: false);
        });

    /// <summary>
    /// The numbers the form changes: only values that differ from the current ones, and every shown value when the
    /// organiser confirms the examples (which is what removes their 示例 marks).
    /// </summary>
    internal static (OrganiserNumbers Numbers, IReadOnlyList<string> Errors) Read(IFormCollection form, OrganiserNumbersView view)
    {
        var errors = new List<string>();
        var confirmAll = form["confirm"] == "1";
        decimal? Field(string name, string label, decimal currentValue, bool example)
        {
            var text = form[name].FirstOrDefault()?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                errors.Add($"请填写“{label}”。");
                return null;
            }

            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 10000)
            {
                errors.Add($"“{label}”请填写 0 到 10000 之间的数字。");
                return null;
            }

            return value != currentValue || (confirmAll && example) ? value : null;
        }

        var pass = Field("pass", "达标线", view.PassThreshold.Value, view.PassThreshold.Example);
        var points = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var minimums = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var criterion in view.Criteria)
        {
            AddPoints(criterion.Points);
            foreach (var item in criterion.Items)
            {
                AddPoints(item);
            }

            var minimumText = form["min." + criterion.Points.Id].FirstOrDefault()?.Trim();
            if (string.IsNullOrEmpty(minimumText))
            {
                if (criterion.Minimum is not null)
                {
                    minimums[criterion.Points.Id!] = null;
                }
            }
            else if (Field("min." + criterion.Points.Id, criterion.Points.Name + "的最低分", criterion.Minimum?.Value ?? -1, criterion.Minimum?.Example ?? false) is { } minimum)
            {
                minimums[criterion.Points.Id!] = minimum;
            }
        }

        foreach (var bonus in view.BonusItems)
        {
            AddPoints(bonus);
        }

        var cap = view.BonusCap is { } bonusCap ? Field("cap", "加分上限", bonusCap.Value, bonusCap.Example) : null;
        Percentage? share = null;
        if (Field("share", "乡镇达标比例", view.TownshipUnitShare, example: false) is { } shareValue)
        {
            if (shareValue > 100)
            {
                errors.Add("“乡镇达标比例”请填写 0 到 100 之间的数字。");
            }
            else
            {
                share = new Percentage(shareValue);
            }
        }

        return (new OrganiserNumbers(pass, points.Count > 0 ? points : null, minimums.Count > 0 ? minimums : null, cap, share), errors);

        void AddPoints(NumberView number)
        {
            if (Field("p." + number.Id, number.Name, number.Value, number.Example) is { } value)
            {
                points[number.Id!] = value;
            }
        }
    }

    private string FormNonce(string campaignId) => nonces.Issue(NonceSubject(campaignId), "admin");

    private static string NonceSubject(string campaignId) => "numbers:" + campaignId;

    private static IResult Page(OrganiserNumbersView view, bool editable, string nonce, bool saved, IReadOnlyList<string> errors, int status, IFormCollection? posted = null)
    {
        var kindName = view.Kind is { } kind && Enum.TryParse<Domain.Organisations.CommitteeKind>(kind, ignoreCase: true, out var parsed) ? Wording.KindName(parsed) : null;
        var title = kindName is null ? "分值和达标线" : $"分值和达标线（{kindName}）";
        return RazorPage.Of<Components.NumbersBody>(title, new Components.NumbersBody.Data(view, title, editable, nonce, saved, errors, posted), status, standardName: view.StandardName);
    }

    private static IResult Refusal(NumbersOutcome outcome) =>
        PageLayout.Message(outcome.Status == StatusCodes.Status404NotFound ? "找不到活动" : "无法打开", outcome.MessageZh ?? "无法打开这个页面。", outcome.Status);

    private static IResult SignIn(HttpContext http) =>
        Results.Redirect("/d/login?next=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString), permanent: false);
}
