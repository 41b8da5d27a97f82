namespace GuanGong.Functions.Submissions;

/// <summary>The 202 answer to a submission: the case number and where to follow it.</summary>
public sealed record SubmissionAccepted(string CaseId, string Status, string StatusUrl, bool Resubmission)
{
    /// <summary>The case's 受理编号, as the receipt page and its mails show it.</summary>
    public string? ReceiptNumber { get; init; }
}
