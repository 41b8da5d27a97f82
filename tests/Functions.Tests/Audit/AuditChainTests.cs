using GuanGong.Functions.Audit;

namespace GuanGong.Functions.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FindFirstBreak_UntouchedChain_ReturnsNull()
    {
        Assert.Null(AuditChain.FindFirstBreak(CreateSut(5)));
    }

    [Fact]
    public void FindFirstBreak_DetailChanged_ReportsThatEntry()
    {
        var chain = CreateSut(5).ToList();
        chain[2] = chain[2] with { Detail = "通过（被篡改）" };

        Assert.Equal(3, AuditChain.FindFirstBreak(chain));
    }

    [Fact]
    public void FindFirstBreak_EntryRemoved_ReportsTheGap()
    {
        var chain = CreateSut(5).ToList();
        chain.RemoveAt(1);

        Assert.Equal(2, AuditChain.FindFirstBreak(chain));
    }

    [Fact]
    public void FindFirstBreak_EntryRehashedAfterEdit_BreaksTheNextLink()
    {
        var chain = CreateSut(5).ToList();
        var forged = chain[1] with { Actor = "someone-else" };
        chain[1] = forged with { Hash = AuditChain.ComputeHash(forged) };

        Assert.Equal(3, AuditChain.FindFirstBreak(chain));
    }

    [Fact]
    public void ComputeHash_TextShiftedBetweenFields_DiffersFromOriginal()
    {
        var a = AuditChain.Append(null, "case-1", Start, "ab", "c", null, null, null);
        var b = AuditChain.Append(null, "case-1", Start, "a", "bc", null, null, null);

        Assert.NotEqual(a.Hash, b.Hash);
    }

    private static IReadOnlyList<AuditEntry> CreateSut(int count)
    {
        var entries = new List<AuditEntry>();
        AuditEntry? previous = null;
        for (var i = 0; i < count; i++)
        {
            previous = AuditChain.Append(previous, "case-1", Start.AddMinutes(i), $"reviewer-{i}", "decided", $"第{i}步", "127.0.0.1", "Mozilla/5.0");
            entries.Add(previous);
        }

        return entries;
    }
}
