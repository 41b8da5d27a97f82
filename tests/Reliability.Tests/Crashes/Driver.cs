using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GuanGong.Domain;
using GuanGong.Functions.Submissions;
using GuanGong.Testing;

namespace GuanGong.Reliability.Tests.Crashes;

/// <summary>
/// A client that keeps going through crashes: every call is retried until the app answers with
/// something other than a 5xx or a dropped connection, and mail is looked up through an index kept
/// as it arrives (a thousand cases mean thousands of mails).
/// </summary>
internal sealed class Driver(SmtpSink smtp)
{
    private readonly ConcurrentDictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly Lock _indexing = new();
    private int _indexed;

    public static HttpRequestMessage Admin(HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        request.Headers.Add("X-Admin-Key", RunningApp.AdminKey);
        return request;
    }

    public static HttpRequestMessage Submit(string unitToken, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{SampleCounty.CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(DomainJson.Serialize(new SubmissionRequest(null, null, SampleCounty.SelfSheet(), SampleCounty.Report())), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", unitToken);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    public static HttpRequestMessage Decide(string link, string reason) =>
        new(HttpMethod.Post, new Uri("/api/reviews/decisions", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { token = SampleCounty.TokenOf(link), action = "approve", reason }), Encoding.UTF8, "application/json"),
        };

    /// <summary>Imports the county with <paramref name="villages"/> villages, creates the campaign and launches 2026.</summary>
    public static async Task SetUpCountyAsync(HttpClient client, int villages)
    {
        await SendUntilAnsweredAsync(client, () => Admin(HttpMethod.Post, "/api/admin/committees", SampleCounty.Csv(villages), "text/csv"));
        await SendUntilAnsweredAsync(client, () => Admin(HttpMethod.Post, "/api/admin/campaigns", DomainJson.Serialize(SampleCounty.Campaign())));
        await SendUntilAnsweredAsync(client, () => Admin(HttpMethod.Post, $"/api/admin/campaigns/{SampleCounty.CampaignId}/launch", """{"year":2026}"""));
    }

    /// <summary>Sends until the app answers with something other than 5xx or a dropped connection (a client retrying through crashes).</summary>
    public static async Task<int> SendUntilAnsweredAsync(HttpClient client, Func<HttpRequestMessage> request, TimeSpan? timeout = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < (timeout ?? TimeSpan.FromMinutes(5)))
        {
            try
            {
                using var message = request();
                using var response = await client.SendAsync(message);
                if ((int)response.StatusCode < 500)
                {
                    return (int)response.StatusCode;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The app never answered.");
    }

    /// <summary>The case as <c>GET /api/cases/{id}</c> shows it, or null while the app is down.</summary>
    public static async Task<JsonElement?> TryCaseAsync(HttpClient client, string caseId)
    {
        try
        {
            using var request = Admin(HttpMethod.Get, $"/api/cases/{caseId}");
            using var response = await client.SendAsync(request);
            return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Reads the case until <paramref name="condition"/> holds, through the app's down times.</summary>
    public static async Task<JsonElement> WaitForCaseAsync(HttpClient client, string caseId, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        JsonElement? last = null;
        while (waited.Elapsed < timeout)
        {
            last = await TryCaseAsync(client, caseId) ?? last;
            if (last is { } state && condition(state))
            {
                return state;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Case {caseId} did not reach the expected state: {last}");
    }

    /// <summary>
    /// The case's workflow has ended: with its verdict, the verdict mail and the township rating done (Completed),
    /// or given up by the engine (Failed, e.g. quarantined as poison) wherever the case stood.
    /// </summary>
    public static bool IsFinal(JsonElement state) =>
        state.GetProperty("engineStatus").GetString() is "Failed" or "Terminated"
        || (state.GetProperty("status").GetString() is "Passed" or "Failed" or "Rejected" && state.GetProperty("engineStatus").GetString() == "Completed");

    /// <summary>Gaps or forks in a case's audit chain: sequences must run 1, 2, 3… and each entry must point at the hash before it.</summary>
    public static int ChainBreaks(JsonElement state)
    {
        var breaks = 0;
        var previous = new string('0', 64);
        var sequence = 1L;
        foreach (var entry in state.GetProperty("history").EnumerateArray())
        {
            breaks += entry.GetProperty("sequence").GetInt64() == sequence && entry.GetProperty("previousHash").GetString() == previous ? 0 : 1;
            previous = entry.GetProperty("hash").GetString()!;
            sequence++;
        }

        return breaks;
    }

    /// <summary>Mails sent more than once (same recipients, subject and cases named by their links).</summary>
    public int Duplicates => smtp.Messages.GroupBy(LinkTokens.DuplicateKey).Sum(g => g.Count() - 1);

    /// <summary>The unit link mailed to a contact.</summary>
    public Task<string> UnitTokenAsync(string email, TimeSpan timeout) => LinkAsync($"u|{email}", timeout).ContinueWith(t => SampleCounty.TokenOf(t.Result), TaskScheduler.Default);

    /// <summary>The review link mailed to a reviewer for a case.</summary>
    public Task<string> ReviewLinkAsync(string reviewer, string caseId, TimeSpan timeout) => LinkAsync($"r|{reviewer}|{caseId}", timeout);

    private async Task<string> LinkAsync(string key, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Index();
            if (_links.TryGetValue(key, out var link))
            {
                return link;
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"No mail for {key} among {smtp.Messages.Count}.");
            }

            await Task.Delay(200);
        }
    }

    private void Index()
    {
        lock (_indexing)
        {
            var messages = smtp.Messages;
            for (; _indexed < messages.Count; _indexed++)
            {
                var mail = messages[_indexed];
                foreach (var link in mail.Links)
                {
                    var path = new Uri(link).AbsolutePath;
                    foreach (var to in mail.To)
                    {
                        if (path.StartsWith("/u/", StringComparison.Ordinal))
                        {
                            _links.TryAdd($"u|{to}", link);
                        }
                        else if (path.StartsWith("/r/", StringComparison.Ordinal) && LinkTokens.IsReviewRequest(mail, to))
                        {
                            _links.TryAdd($"r|{to}|{LinkTokens.SubjectOf(SampleCounty.TokenOf(link))}", link);
                        }
                    }
                }
            }
        }
    }
}
