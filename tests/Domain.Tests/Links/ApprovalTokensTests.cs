using System.Security.Cryptography;
using GuanGong.Domain.Links;

namespace GuanGong.Domain.Tests.Links;

public sealed class ApprovalTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly LinkSigningKey KeyA = new("2026-10", Enumerable.Repeat((byte)7, 32).ToArray());
    private static readonly LinkSigningKey KeyB = new("2026-11", Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    private static ApprovalTokenClaims Claims() => new(
        "case-530112-01-01-2026",
        1,
        "liuyang@xs.gov.cn",
        ApprovalActions.View | ApprovalActions.Approve | ApprovalActions.Return,
        Now.AddDays(7),
        ApprovalTokens.NewNonce());

    private static readonly TokenExpectation Approve = new("case-530112-01-01-2026", 1, ApprovalActions.Approve, "LiuYang@xs.gov.cn");

    [Fact]
    public void Verify_IssuedToken_IsValidWithClaims()
    {
        var claims = Claims();
        var token = ApprovalTokens.Issue(claims, new LinkKeyRing(KeyB));

        var result = ApprovalTokens.Verify(token, new LinkKeyRing(KeyB), Now, Approve);

        Assert.True(result.IsValid);
        Assert.Equal(claims, result.Claims);
        Assert.Matches("^v2\\.2026-11\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$", token);
        Assert.True(token.Length < 360, $"token is {token.Length} characters");
    }

    [Fact]
    public void Issue_RecipientAddress_SealedInPayload()
    {
        var token = ApprovalTokens.Issue(Claims(), new LinkKeyRing(KeyB));
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[2]));

        Assert.Contains("case-530112-01-01-2026", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("liuyang", payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ClearAddressV1Token_StillValidUntilItExpires()
    {
        var claims = Claims();
        var json = $$"""{"c":"{{claims.CaseId}}","s":1,"r":"{{claims.ReviewerEmail}}","a":{{(int)claims.Actions}},"e":{{claims.ExpiresAt.ToUnixTimeSeconds()}},"n":"{{claims.Nonce}}"}""";
        var body = "v1.2026-11." + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
        var token = body + "." + System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), System.Text.Encoding.ASCII.GetBytes(body)));

        var result = ApprovalTokens.Verify(token, new LinkKeyRing(KeyB), Now, Approve);

        Assert.True(result.IsValid);
        Assert.Equal(claims, result.Claims);
    }

    [Fact]
    public void Verify_SignedWithPreviousKey_StillValidAfterRotation()
    {
        var token = ApprovalTokens.Issue(Claims(), new LinkKeyRing(KeyA));

        Assert.True(ApprovalTokens.Verify(token, new LinkKeyRing(KeyB, KeyA), Now, Approve).IsValid);
        Assert.Equal(TokenRefusal.UnknownKey, ApprovalTokens.Verify(token, new LinkKeyRing(KeyB), Now, Approve).Refusal);
    }

    [Fact]
    public void Verify_AlteredPayload_BadSignature()
    {
        var token = ApprovalTokens.Issue(Claims(), new LinkKeyRing(KeyB));
        var forged = ApprovalTokens.Issue(Claims() with { Actions = ApprovalActions.Reject }, new LinkKeyRing(new LinkSigningKey("2026-11", RandomNumberGenerator.GetBytes(32))));
        var parts = token.Split('.');
        var swapped = string.Join('.', parts[0], parts[1], forged.Split('.')[2], parts[3]);

        Assert.Equal(TokenRefusal.BadSignature, ApprovalTokens.Verify(forged, new LinkKeyRing(KeyB), Now, new()).Refusal);
        Assert.Equal(TokenRefusal.BadSignature, ApprovalTokens.Verify(swapped, new LinkKeyRing(KeyB), Now, new()).Refusal);
        Assert.Null(ApprovalTokens.Verify(swapped, new LinkKeyRing(KeyB), Now, new()).Claims);
    }

    [Fact]
    public void Verify_AtExpiry_Expired()
    {
        var token = ApprovalTokens.Issue(Claims(), new LinkKeyRing(KeyB));

        Assert.True(ApprovalTokens.Verify(token, new LinkKeyRing(KeyB), Now.AddDays(7).AddSeconds(-1), Approve).IsValid);
        Assert.Equal(TokenRefusal.Expired, ApprovalTokens.Verify(token, new LinkKeyRing(KeyB), Now.AddDays(7), Approve).Refusal);
    }

    [Theory]
    [InlineData("other-case", 1, ApprovalActions.Approve, null, TokenRefusal.WrongCase)]
    [InlineData(null, 2, ApprovalActions.Approve, null, TokenRefusal.WrongStage)]
    [InlineData(null, null, ApprovalActions.Reject, null, TokenRefusal.ActionNotAllowed)]
    [InlineData(null, null, ApprovalActions.Approve | ApprovalActions.Reject, null, TokenRefusal.ActionNotAllowed)]
    [InlineData(null, null, ApprovalActions.None, null, TokenRefusal.ActionNotAllowed)]
    [InlineData(null, null, null, "someone@else.cn", TokenRefusal.WrongReviewer)]
    public void Verify_WrongBinding_SaysWhich(string? caseId, int? stage, ApprovalActions? action, string? reviewer, TokenRefusal expected)
    {
        var token = ApprovalTokens.Issue(Claims(), new LinkKeyRing(KeyB));

        var result = ApprovalTokens.Verify(token, new LinkKeyRing(KeyB), Now, new TokenExpectation(caseId, stage, action, reviewer));

        Assert.Equal(expected, result.Refusal);
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("v1.2026-11.payload")]
    [InlineData("v1.2026-11..sig")]
    [InlineData("v1.2026-11.!!!.AAAA")]
    public void Verify_Garbage_Malformed(string token)
    {
        Assert.Equal(TokenRefusal.Malformed, ApprovalTokens.Verify(token, new LinkKeyRing(KeyB), Now, new()).Refusal);
    }

    [Fact]
    public void Verify_OtherVersion_Unsupported()
    {
        var token = "v3" + ApprovalTokens.Issue(Claims(), new LinkKeyRing(KeyB))[2..];

        Assert.Equal(TokenRefusal.UnsupportedVersion, ApprovalTokens.Verify(token, new LinkKeyRing(KeyB), Now, new()).Refusal);
    }

    [Fact]
    public void Verify_TruncatedByMailClient_Refused()
    {
        var token = ApprovalTokens.Issue(Claims(), new LinkKeyRing(KeyB));

        Assert.False(ApprovalTokens.Verify(token[..^5], new LinkKeyRing(KeyB), Now, new()).IsValid);
    }

    [Fact]
    public void NewNonce_IsUrlSafeAndUnique()
    {
        var nonces = Enumerable.Range(0, 100).Select(_ => ApprovalTokens.NewNonce()).ToList();

        Assert.Equal(100, nonces.Distinct().Count());
        Assert.All(nonces, n => Assert.Matches("^[A-Za-z0-9_-]{22}$", n));
    }

    [Fact]
    public void Keys_ShortSecretOrBadIdOrDuplicate_Throw()
    {
        Assert.Throws<ArgumentException>(() => new LinkSigningKey("k", new byte[16]));
        Assert.Throws<ArgumentException>(() => new LinkSigningKey("k.1", new byte[32]));
        Assert.Throws<ArgumentException>(() => new LinkKeyRing(KeyA, KeyA));
    }

    [Fact]
    public void Issue_NoActions_Throws()
    {
        Assert.Throws<ArgumentException>(() => ApprovalTokens.Issue(Claims() with { Actions = ApprovalActions.None }, new LinkKeyRing(KeyB)));
    }
}
