using FsCheck;
using FsCheck.Fluent;
using GuanGong.Domain.Links;

namespace GuanGong.Domain.Tests.Links;

public sealed class ApprovalTokenProperties
{
    private static readonly LinkKeyRing Keys = new(new LinkSigningKey("k1", Enumerable.Repeat((byte)42, 32).ToArray()));
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_AnySingleCharacterChange_IsRefused()
    {
        var token = ApprovalTokens.Issue(new ApprovalTokenClaims("case-1", 2, "a@b.cn", ApprovalActions.Approve, Now.AddDays(1), "nonce-1"), Keys);
        var edits =
            from index in Gen.Choose(0, token.Length - 1)
            from replacement in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".ToCharArray())
            where token[index] != replacement
            select (index, replacement);

        Prop.ForAll(edits.ToArbitrary(), e =>
        {
            var altered = token[..e.index] + e.replacement + token[(e.index + 1)..];
            return !ApprovalTokens.Verify(altered, Keys, Now, new()).IsValid;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Verify_EveryLastCharacterOfTheSignature_OnlyTheOriginalPasses()
    {
        var token = ApprovalTokens.Issue(new ApprovalTokenClaims("case-1", 2, "a@b.cn", ApprovalActions.Approve, Now.AddDays(1), "nonce-1"), Keys);
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        var passing = alphabet.Where(c => ApprovalTokens.Verify(token[..^1] + c, Keys, Now, new()).IsValid);

        Assert.Equal([token[^1]], passing);
    }

    [Fact]
    public void Verify_RoundTrip_AnyClaims()
    {
        var claims =
            from caseId in Gen.Elements("c-1", "案件-2026-001", "x/y?z&w")
            from stage in Gen.Choose(1, 5)
            from actions in Gen.Choose(1, 15)
            from seconds in Gen.Choose(1, 10_000_000)
            select new ApprovalTokenClaims(caseId, stage, "审核人@example.cn", (ApprovalActions)actions, Now.AddSeconds(seconds), ApprovalTokens.NewNonce());

        Prop.ForAll(claims.ToArbitrary(), c =>
        {
            var result = ApprovalTokens.Verify(ApprovalTokens.Issue(c, Keys), Keys, Now, new(c.CaseId, c.Stage));
            return result.IsValid && result.Claims == c;
        }).QuickCheckThrowOnFailure();
    }
}
