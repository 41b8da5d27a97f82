using GuanGong.Functions.Campaigns;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;
using GuanGong.Functions.Ledgers;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Submissions;

namespace GuanGong.Functions.Records;

/// <summary>
/// The app's own tables (the engine keeps its own beside them). One place names them all, so the
/// start-up check creates every one and a reader sees the whole persisted surface at a glance.
/// Names carry a prefix (<c>GuanGong:Storage:TablePrefix</c>, default <c>gg</c>) so several apps
/// (or test runs) can share one account.
/// </summary>
public sealed class AppTables
{
    public AppTables(AppStorage storage, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var prefix = configuration?["GuanGong:Storage:TablePrefix"] ?? "gg";
        Committees = new(storage.Tables.GetTableClient(prefix + "Committees"));
        Templates = new(storage.Tables.GetTableClient(prefix + "Templates"));
        Campaigns = new(storage.Tables.GetTableClient(prefix + "Campaigns"));
        Cases = new(storage.Tables.GetTableClient(prefix + "Cases"));
        Decisions = new(storage.Tables.GetTableClient(prefix + "Decisions"));
        Audit = new(storage.Tables.GetTableClient(prefix + "Audit"));
        Idempotency = new(storage.Tables.GetTableClient(prefix + "Idempotency"));
        Ledgers = new(storage.Tables.GetTableClient(prefix + "Ledgers"));
        ApiKeys = new(storage.Tables.GetTableClient(prefix + "ApiKeys"));
        Ratings = new(storage.Tables.GetTableClient(prefix + "Ratings"));
        Holidays = new(storage.Tables.GetTableClient(prefix + "Holidays"));
        Invitations = new(storage.Tables.GetTableClient(prefix + "Invitations"));
        LookBacks = new(storage.Tables.GetTableClient(prefix + "LookBacks"));
        Commendations = new(storage.Tables.GetTableClient(prefix + "Commendations"));
        Calendars = new(storage.Tables.GetTableClient(prefix + "Calendars"));
        Reminders = new(storage.Tables.GetTableClient(prefix + "Reminders"));
        Visits = new(storage.Tables.GetTableClient(prefix + "Visits"));
        Counters = new(storage.Tables.GetTableClient(prefix + "Counters"));
        Health = new(storage.Tables.GetTableClient(prefix + "Health"));
    }

    public RecordTable<Committee> Committees { get; }

    public RecordTable<StandardTemplate> Templates { get; }

    public RecordTable<CampaignRecord> Campaigns { get; }

    public RecordTable<CaseRecord> Cases { get; }

    public RecordTable<ReviewDecisionRecord> Decisions { get; }

    public RecordTable<AuditEntry> Audit { get; }

    public RecordTable<IdempotencyRecord> Idempotency { get; }

    public RecordTable<LedgerRecord> Ledgers { get; }

    public RecordTable<ApiKeyRecord> ApiKeys { get; }

    public RecordTable<TownshipRatingRecord> Ratings { get; }

    public RecordTable<HolidayNotice> Holidays { get; }

    public RecordTable<InvitationRecord> Invitations { get; }

    public RecordTable<LookBacks.LookBackRecord> LookBacks { get; }

    public RecordTable<Commendations.CommendationRecord> Commendations { get; }

    /// <summary>Each campaign year's calendar (partition = campaign id, row = year).</summary>
    public RecordTable<Domain.Calendar.CampaignYearCalendar> Calendars { get; }

    /// <summary>Submission reminders sent (partition = campaign id and year, row = unit code and working days before).</summary>
    public RecordTable<Calendars.SubmissionReminderRecord> Reminders { get; }

    /// <summary>督查 visits recorded (partition = campaign id and year, row = visit id).</summary>
    public RecordTable<Calendars.InspectionVisit> Visits { get; }

    /// <summary>The receipt-number counters (<see cref="ReceiptNumbers"/>): partition = what is counted, row = whose count.</summary>
    public RecordTable<ReceiptCounter> Counters { get; }

    /// <summary>What the stuck-case report last found (<see cref="StuckCaseReport"/>): one row, partition <c>stuck</c>, row <c>latest</c>.</summary>
    public RecordTable<StuckCaseReport> Health { get; }

    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Committees.Client, Templates.Client, Campaigns.Client, Cases.Client, Decisions.Client, Audit.Client, Idempotency.Client, Ledgers.Client, ApiKeys.Client, Ratings.Client, Holidays.Client, Invitations.Client, LookBacks.Client, Commendations.Client, Calendars.Client, Reminders.Client, Visits.Client, Counters.Client, Health.Client })
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
