using System.Text;
using GuanGong.Domain;

namespace GuanGong.Reliability.Tests.BadInput;

/// <summary>
/// Builds reproducible bad requests (a seeded <see cref="Random"/>) against one endpoint. Every
/// request is bad somewhere that the app must refuse: a bad body on anything that writes, a bad
/// route value on anything that reads a particular record. Real ids and credentials are mixed in so
/// the attack reaches past the first check.
/// </summary>
internal sealed class BadRequestGenerator(Random random, BadRequestGenerator.Known known)
{
    /// <summary>Real values of a running county, so some attacks get past routing and access.</summary>
    public sealed record Known(string AdminKey, string UnitToken, string ReviewerToken, string CaseId, string CampaignId, string ItemId, long UploadLimit);

    private const int JsonLimit = 1024 * 1024;

    private static readonly string[] BadRouteValues =
    [
        "..", "../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "a\u0000b", "\u0000", "\u202Egpj.exe", "\u200B",
        "\t\r\n", "\u0001\u0002\u001F", "<script>alert(1)</script>", "' OR '1'='1", "${jndi:ldap://x}", "%00", "CON", "nul.txt", "\uFEFF",
        "😀👨‍👩‍👧", "𠜎𠜱𠝹", "wx2026|2026|V1|x", "wx2026/2026/V1", "wx2026%2F2026", new string('A', 5000), new string('关', 3000), "-1", "0",
        "9223372036854775808", "NaN", "null", "undefined", "{}", "[]", "*", "?", "#", "%", "%%", "%zz", "\\", "//", "a b", "ＡＢＣ",
        "e\u0301", "\uFFFF", "\uFFFE", "Robert'); DROP TABLE Students;--", ".eyJ.fake", "eyJhbGciOiJub25lIn0.eyJ9.",
        // A link handle with no cookie behind it, and tokens of the sealed format that are not signed.
        "h-0123456789abcdef0123456789abcdef", "H-0123456789ABCDEF0123456789ABCDEF", "h-", "v2.k.p.s", "v2..AAAA.AAAA",
    ];

    private static readonly string[] OddStrings =
    [
        "\uD800", "\uDFFF", "a\uD800b", "\u202E\u202D\u2066", "\u0000", "\u0001\u0007\u001B[31m", "\uFEFF\uFEFF", "\u200D\u200C", "𝕏𝕐", "ﷺ",
        "e\u0301\u0301\u0301\u0301", "\r\n\r\nX-Injected: yes", "<img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0", "+SUM(1,1)", "@x", "-2+3",
    ];

    private static readonly string[] ValidJsonSeeds =
    [
        """{"schemaVersion":1,"year":2026,"selfSheet":{"schemaVersion":1,"role":"selfAssessment","items":[{"itemId":"a1","score":5}]},"report":{"leadership":"x"}}""",
        """{"token":"abc.def","action":"approve","reason":"同意"}""",
        """{"year":2026}""",
        """{"schemaVersion":1,"campaignId":"wx2026","name":"测试","rootCommitteeCode":"X1","startYear":2026,"endYear":2028}""",
        """{"id":"five-good-a","version":1,"name":"标准","preconditions":[],"sections":[]}""",
        """{"year":2026,"days":[{"date":"2026-10-01","kind":"holiday"}]}""",
    ];

    private static readonly string[] LyingContentTypes =
    [
        "application/json", "text/csv", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=", "text/html",
        "application/json; charset=utf-7", "application/json; charset=x-nonexistent", "application/pdf", "image/png", "application/octet-stream",
        "application/xml", "text/plain; charset=gb18030", "*/*", "application/json\u0000", "invalid",
    ];

    public HttpRequestMessage Build(EndpointShape endpoint, out string kind)
    {
        var path = FillRoute(endpoint, out var routeKind);
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(path + Query(), UriKind.Relative));
        AddCredential(request);
        AddEdgeHeaders(request);
        if (endpoint.HasBody)
        {
            var bodyKind = endpoint.Template.EndsWith("/ledgers", StringComparison.Ordinal) ? Upload(request) : Body(request, endpoint);
            kind = routeKind is null ? bodyKind : $"{bodyKind}+route:{routeKind}";
        }
        else
        {
            if (random.Next(4) == 0)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(ValidJsonSeeds[random.Next(ValidJsonSeeds.Length)]));
            }

            kind = "route:" + (routeKind ?? "none");
        }

        return request;
    }

    private string FillRoute(EndpointShape endpoint, out string? kind)
    {
        kind = null;
        var writes = endpoint.HasBody;
        var builder = new StringBuilder();
        foreach (var segment in endpoint.Template.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append('/');
            if (!segment.StartsWith('{'))
            {
                builder.Append(segment);
                continue;
            }

            var name = segment.Trim('{', '}').Split(':', '=', '?')[0];
            // Reads must be bad in the route, or they would be legitimate reads; writes carry a bad body, so real ids are fair.
            // A launch without a year is a legitimate relaunch of the stored year (reported separately), so launch never gets the real campaign.
            if (writes && random.Next(10) < 6 && !endpoint.Template.EndsWith("/launch", StringComparison.Ordinal))
            {
                builder.Append(Uri.EscapeDataString(RealValue(name)));
                continue;
            }

            var bad = BadRouteValues[random.Next(BadRouteValues.Length)];
            kind = bad.Length > 20 ? $"long({bad.Length})" : "bad-value";
            // Some go escaped, some raw (HttpClient escapes what it must), so both decoders are exercised.
            builder.Append(random.Next(2) == 0 ? Uri.EscapeDataString(bad) : bad.Replace("/", "%2F", StringComparison.Ordinal).Replace("?", "%3F", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal));
        }

        if (builder.Length == 0)
        {
            builder.Append('/');
        }

        if (kind is null && !writes && endpoint.Parameters.Count > 0)
        {
            kind = "bad-value";
        }

        return builder.ToString();
    }

    private string RealValue(string name) => name.ToLowerInvariant() switch
    {
        "caseid" => known.CaseId,
        "campaignid" => known.CampaignId,
        "itemid" => known.ItemId,
        "token" => random.Next(2) == 0 ? known.ReviewerToken : known.UnitToken,
        "code" => BadRouteValues[random.Next(BadRouteValues.Length)],
        _ => "x",
    };

    private string Query() => random.Next(4) switch
    {
        0 => string.Empty,
        // Case variants of the token parameter, a sign-in target that would split the Location header, the handle retry flag.
        3 => "?T=" + Uri.EscapeDataString(BadRouteValues[random.Next(BadRouteValues.Length)]) + "&next=" + Uri.EscapeDataString("/d/x\r\nSet-Cookie: gg_dashboard=x") + "&again=" + Uri.EscapeDataString(OddStrings[random.Next(OddStrings.Length)]),
        1 => "?t=" + Uri.EscapeDataString(BadRouteValues[random.Next(BadRouteValues.Length)]) + "&year=abc&root=" + Uri.EscapeDataString("../X1") + "&fileName=" + Uri.EscapeDataString(BadFileName()),
        _ => "?d=" + Uri.EscapeDataString(OddStrings[random.Next(OddStrings.Length)]) + "&saved=maybe&next=" + Uri.EscapeDataString("//evil.example/") + "&year=99999999999",
    };

    private void AddCredential(HttpRequestMessage request)
    {
        switch (random.Next(6))
        {
            case 0:
                request.Headers.TryAddWithoutValidation("X-Admin-Key", known.AdminKey);
                break;
            case 1:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + known.UnitToken);
                break;
            case 2:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + known.UnitToken[..^2] + "xx");
                break;
            case 3:
                // Header values must be ASCII without line breaks, or HttpClient itself refuses to send them.
                request.Headers.TryAddWithoutValidation("X-Api-Key", new string([.. BadRouteValues[random.Next(BadRouteValues.Length)].Where(c => c is >= ' ' and < '\u007f')]));
                break;
            case 4:
                request.Headers.TryAddWithoutValidation("X-Admin-Key", known.AdminKey + " ");
                break;
            default:
                break;
        }
    }

    // DNS rebinding (a foreign Host), forged and garbage forwarded addresses.
    private void AddEdgeHeaders(HttpRequestMessage request)
    {
        switch (random.Next(8))
        {
            case 0:
                request.Headers.Host = random.Next(2) == 0 ? "rebind.attacker.example" : "127.0.0.1.nip.io";
                break;
            case 1:
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", random.Next(2) == 0 ? "203.0.113.9, not-an-ip, [::1]:80" : new string('9', 4000));
                break;
            default:
                break;
        }
    }

    private string Body(HttpRequestMessage request, EndpointShape endpoint)
    {
        if (endpoint.Template == "/d/login" && random.Next(2) == 0)
        {
            request.Content = new StringContent("key=" + Uri.EscapeDataString(known.AdminKey) + "&next=" + Uri.EscapeDataString("/d/x\r\nLocation: //evil.example/"), Encoding.UTF8, "application/x-www-form-urlencoded");
            return "form-next-crlf";
        }

        var isCsv = endpoint.Template.EndsWith("/committees", StringComparison.Ordinal);
        var (kind, bytes) = isCsv && random.Next(2) == 0 ? BadCsv() : BadJson();
        request.Content = new ByteArrayContent(bytes);
        var contentType = random.Next(3) == 0 ? LyingContentTypes[random.Next(LyingContentTypes.Length)] : isCsv ? "text/csv" : "application/json";
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return kind;
    }

    private (string Kind, byte[] Bytes) BadJson()
    {
        var seed = ValidJsonSeeds[random.Next(ValidJsonSeeds.Length)];
        switch (random.Next(15))
        {
            case 11:
                return ("json-oversize-text", Encoding.UTF8.GetBytes(OversizeText()));
            case 12:
                return ("json-too-many-entries", Encoding.UTF8.GetBytes(TooManyEntries()));
            case 13:
                return ("form-junk-fields", Encoding.UTF8.GetBytes(string.Join('&', Enumerable.Range(0, 1000).Select(i => $"junk{i}={new string('x', 100)}")) + "&formNonce=x"));
            case 14:
                return ("json-near-row-limit", Encoding.UTF8.GetBytes(NearRowLimit()));
            case 0:
                return ("json-truncated", Encoding.UTF8.GetBytes(seed[..random.Next(1, seed.Length - 1)]));
            case 1:
                return ("json-malformed", Encoding.UTF8.GetBytes(seed.Replace(':', random.Next(2) == 0 ? '=' : ',').Replace("\"", random.Next(2) == 0 ? "'" : "\"\"", StringComparison.Ordinal)));
            case 2:
                return ("json-wrong-types", Encoding.UTF8.GetBytes(WrongTypes()));
            case 3:
                var depth = random.Next(2) == 0 ? 10_000 : 70;
                return ($"json-deep({depth})", Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)));
            case 4:
                return ("json-deep-objects", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000)));
            case 5:
                var huge = new byte[JsonLimit + 1 + random.Next(1024)];
                Array.Fill(huge, (byte)' ');
                huge[0] = (byte)'{';
                huge[^1] = (byte)'}';
                return ("json-huge", huge);
            case 6:
                return ("json-invalid-utf8", [.. Encoding.UTF8.GetBytes("{\"reason\":\""), 0xED, 0xA0, 0x80, 0xC0, 0xAF, 0xFF, .. Encoding.UTF8.GetBytes("\"}")]);
            case 7:
                return ("json-odd-unicode", Encoding.UTF8.GetBytes($"{{\"token\":{Escaped(OddStrings[random.Next(OddStrings.Length)])},\"year\":{Escaped(OddStrings[random.Next(OddStrings.Length)])},\"selfSheet\":{Escaped("\\ud800")},\"action\":\"\\u0000\"}}"));
            case 8:
                return ("empty", []);
            case 9:
                return ("json-scalars", Encoding.UTF8.GetBytes(new[] { "null", "0", "\"x\"", "[]", "true", "1e400", "-0", "{}" }[random.Next(8)]));
            default:
                return ("json-duplicate-keys", Encoding.UTF8.GetBytes("""{"year":2026,"year":"x","token":1,"token":[],"__proto__":{"admin":true}}"""));
        }
    }

    // Well-formed submissions and decisions whose free text or lists are beyond what the workflow can carry.
    private string OversizeText()
    {
        var text = new string(random.Next(2) == 0 ? '注' : 'x', random.Next(501, 40_000));
        return random.Next(4) switch
        {
            0 => DomainJson.Serialize(new Functions.Submissions.SubmissionRequest(null, null, SampleCounty.SelfSheet(remark: text), SampleCounty.Report())),
            1 => DomainJson.Serialize(new Functions.Submissions.SubmissionRequest(null, null, SampleCounty.SelfSheet(), SampleCounty.Report(text))),
            2 => DomainJson.Serialize(new Functions.Submissions.SubmissionRequest(null, null, SampleCounty.SelfSheet() with
            {
                Items = [.. SampleCounty.SelfSheet().Items.Select(i => i with { DeductionReason = text })],
                Preconditions = [.. SampleCounty.SelfSheet().Preconditions.Select(p => p with { Note = text })],
            }, SampleCounty.Report())),
            _ => $$"""{"token":"{{known.ReviewerToken}}","action":"return","reason":{{Escaped(text)}}}""",
        };
    }

    private string TooManyEntries()
    {
        var sheet = SampleCounty.SelfSheet();
        var many = sheet with { Items = [.. Enumerable.Range(0, random.Next(201, 5000)).Select(i => sheet.Items[i % sheet.Items.Count])] };
        return DomainJson.Serialize(new Functions.Submissions.SubmissionRequest(null, null, many, SampleCounty.Report()));
    }

    // Every field within its own limit, control characters (six bytes each as JSON) filling the rest: just under a table row.
    private string NearRowLimit()
    {
        var text = new string('\u0001', Domain.Scoring.ScoreSheetValidator.MaxTextLength);
        var sheet = SampleCounty.SelfSheet();
        var full = sheet with { Items = [.. sheet.Items.Select(i => i with { Note = text, DeductionReason = text })] };
        var report = new Functions.Cases.SelfInspectionReport(
            new string('\u0002', Functions.Cases.SelfInspectionReport.MaxFieldLength), new string('\u0002', Functions.Cases.SelfInspectionReport.MaxFieldLength),
            new string('\u0002', Functions.Cases.SelfInspectionReport.MaxFieldLength), new string('\u0002', Functions.Cases.SelfInspectionReport.MaxFieldLength),
            new string('\u0002', Functions.Cases.SelfInspectionReport.MaxFieldLength));
        return DomainJson.Serialize(new Functions.Submissions.SubmissionRequest(null, null, full, report));
    }

    private string WrongTypes() => random.Next(5) switch
    {
        0 => """{"year":"二〇二六","selfSheet":[],"report":42,"schemaVersion":"one"}""",
        1 => """{"token":["a"],"action":{"x":1},"reason":false}""",
        2 => """{"year":1.5e308,"schemaVersion":-2147483649,"targets":"many"}""",
        3 => """{"campaignId":null,"rootCommitteeCode":123,"startYear":"2026","template":{"id":[]}}""",
        _ => """[{"year":2026}]""",
    };

    private static string Escaped(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c < 0x20 || char.IsSurrogate(c) || c == '"' || c == '\\' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.Append('"').ToString();
    }

    private (string Kind, byte[] Bytes) BadCsv()
    {
        const string Header = "code,name,level,kind,parent_code,reviewers,fallback_reviewer\n";
        var csv = random.Next(13) switch
        {
            10 => ("csv-line-break-in-name", Header + "C0,\"市关工委\r\nBcc: x@evil.cn\",city,city,,a<a@b.cn>,\n"),
            11 => ("csv-bidi-in-reviewer", Header + "C0,市,city,city,,\"审\u202E核<a@b.cn>\",\n"),
            12 => ("csv-alt-enter-everywhere", Header + "\"C0\n\",\"市\n\n\",\"city\n\",city,,\"a\u2028<a@b.cn>\",\"b\u2066<b@b.cn>\"\n"),
            0 => ("csv-no-header", "C0,市,city,city,,a<a@b.cn>,\n"),
            1 => ("csv-unknown-level", Header + "C0,市,galaxy,city,,a<a@b.cn>,\n"),
            2 => ("csv-missing-parent", Header + "C0,市,city,city,,a<a@b.cn>,\nX1,县,county,county,ZZ,b<b@b.cn>,\n"),
            3 => ("csv-cycle", Header + "A,甲,county,county,B,a<a@b.cn>,\nB,乙,county,county,A,b<b@b.cn>,\n"),
            4 => ("csv-duplicate-codes", Header + "C0,市,city,city,,a<a@b.cn>,\nC0,市,city,city,,a<a@b.cn>,\n"),
            5 => ("csv-bad-email", Header + "C0,市,city,city,,审核<not-an-email>,\n"),
            6 => ("csv-control-chars", Header + "C\u00000,市\u202E,city,city,,a<a@b.cn>,\n"),
            7 => ("csv-traversal-code", Header + "../C0,市,city,city,,a<a@b.cn>,\n"),
            8 => ("csv-unclosed-quote", Header + "C0,\"市,city,city,,a<a@b.cn>,\n"),
            _ => ("csv-empty", string.Empty),
        };
        return csv.Item1 == "csv-control-chars" && random.Next(2) == 0
            ? ("csv-invalid-utf8", [.. Encoding.UTF8.GetBytes(Header + "C0,"), 0xFF, 0xFE, 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes(",city,city,,a<a@b.cn>,\n")])
            : (csv.Item1, Encoding.UTF8.GetBytes(csv.Item2));
    }

    private string BadFileName() => random.Next(8) switch
    {
        0 => "../../../etc/passwd.pdf",
        1 => "..\\..\\boot.ini.pdf",
        2 => "a\u0000.pdf",
        3 => "\u202Efdp.exe",
        4 => "CON.pdf",
        5 => new string('名', 600) + ".pdf",
        6 => "\r\nContent-Disposition: attachment.pdf",
        _ => string.Empty,
    };

    private string Upload(HttpRequestMessage request)
    {
        string kind;
        byte[] bytes;
        switch (random.Next(6))
        {
            case 0:
                (kind, bytes) = ("upload-empty", []);
                break;
            case 1:
                (kind, bytes) = ("upload-oversized", new byte[known.UploadLimit + 1]);
                bytes[0] = (byte)'%';
                break;
            case 2:
                (kind, bytes) = ("upload-exe-as-pdf", [(byte)'M', (byte)'Z', 0x90, 0, .. new byte[256]]);
                break;
            case 3:
                (kind, bytes) = ("upload-html-as-pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"));
                break;
            case 4:
                (kind, bytes) = ("upload-zip-not-office", [0x50, 0x4B, 0x03, 0x04, .. Encoding.UTF8.GetBytes("not really a docx")]);
                break;
            default:
                var noise = new byte[random.Next(1, 4096)];
                random.NextBytes(noise);
                noise[0] = (byte)'#';
                (kind, bytes) = ("upload-random-bytes", noise);
                break;
        }

        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", LyingContentTypes[random.Next(LyingContentTypes.Length)]);
        return kind;
    }
}
