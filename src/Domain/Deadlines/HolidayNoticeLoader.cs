namespace GuanGong.Domain.Deadlines;

/// <summary>Reads holiday notices: the ones shipped as embedded <c>Calendars/cn-YYYY.json</c>, and admin-supplied JSON.</summary>
public static class HolidayNoticeLoader
{
    private const string ResourcePrefix = "GuanGong.Domain.Calendars.";

    /// <summary>Parses and validates an admin-supplied notice (same JSON shape as the embedded ones).</summary>
    /// <param name="json">The notice JSON, e.g. <c>{"schemaVersion":1,"year":2027,"source":"…","holidays":[{"name":"元旦","start":"2027-01-01","end":"2027-01-01"}],"makeUpWorkingDays":[]}</c>.</param>
    public static Result<HolidayNotice> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var parsed = DomainJson.Parse<HolidayNotice>(json, "calendar.json_invalid");
        if (!parsed.IsSuccess)
        {
            return parsed;
        }

        var errors = HolidayNoticeValidator.Validate(parsed.Value);
        return errors.Count == 0 ? parsed : Result<HolidayNotice>.Failure(errors);
    }

    /// <summary>The notices shipped with the project (2025 and 2026), validated; an invalid one is a broken build.</summary>
    public static IReadOnlyList<HolidayNotice> Embedded()
    {
        var assembly = typeof(HolidayNoticeLoader).Assembly;
        var notices = new List<HolidayNotice>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var result = Parse(reader.ReadToEnd());
            notices.Add(result.IsSuccess
                ? result.Value
                : throw new InvalidOperationException($"The embedded notice {name} is invalid: {string.Join("; ", result.Errors)}"));
        }

        return notices;
    }
}
