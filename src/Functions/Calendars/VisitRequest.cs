namespace GuanGong.Functions.Calendars;

/// <summary>
/// A 督查 visit to record: who visited (the committee; a committee's own key or link may leave it out), when, who went,
/// which units, what was found, and files (each as base64, together at most <see cref="VisitFunctions.MaxAttachmentBytes"/>).
/// </summary>
public sealed record VisitRequest(
    DateOnly Date, string Visitors, string Findings, string? CommitteeCode = null, IReadOnlyList<string>? VisitedUnitCodes = null, IReadOnlyList<VisitAttachmentUpload>? Attachments = null);

/// <summary>A file sent with a visit.</summary>
public sealed record VisitAttachmentUpload(string FileName, string ContentBase64);
