using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GuanGong.Domain.Links;

/// <summary>
/// Issues and verifies approval-link tokens: HMAC-SHA256 signed, key id for rotation, bound to case, stage, reviewer,
/// actions, expiry and a one-time id.
/// </summary>
/// <remarks>
/// <para>Format (URL-safe, no padding): <c>v2.{keyId}.{payload}.{signature}</c>, where payload is base64url of a small
/// JSON object and signature is base64url of HMAC-SHA256(key, "v2.{keyId}.{payload}"). About 300 characters. The
/// payload's recipient address is sealed (AES-GCM under a key derived from the signing key), so a link that is
/// logged, forwarded or shown in a Referer does not give away whom it was sent to; the case id stays readable.
/// <c>v1</c> tokens (the address in clear) still verify until they expire.</para>
/// <para>Verification checks the signature in constant time before reading the payload, then expiry (expired when
/// now ≥ expiry), case, stage, reviewer and action, in that order, and reports the first refusal.</para>
/// <para>"Used once" is storage: the app records <see cref="ApprovalTokenClaims.Nonce"/> when a decision is taken
/// (an insert that fails if present) and refuses a second use. Viewing with GET must not spend it — mail scanners follow links.</para>
/// </remarks>
public static class ApprovalTokens
{
    private const string Version = "v2";
    private const string ClearVersion = "v1";
    private const int SealNonceBytes = 12;
    private const int SealTagBytes = 16;
    private const int MaxTokenLength = 2048;

    private static readonly JsonSerializerOptions PayloadJson = CreatePayloadOptions();

    /// <summary>A new one-time id: 16 random bytes, base64url (22 characters).</summary>
    public static string NewNonce() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Signs <paramref name="claims"/> with the key ring's current key.</summary>
    /// <param name="claims">The claims; case id, reviewer and nonce must not be empty, stage at least 1, actions not None.
    /// The expiry is kept to the whole second.</param>
    /// <param name="keys">The key ring.</param>
    public static string Issue(ApprovalTokenClaims claims, LinkKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrWhiteSpace(claims.CaseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(claims.ReviewerEmail);
        ArgumentException.ThrowIfNullOrWhiteSpace(claims.Nonce);
        ArgumentOutOfRangeException.ThrowIfLessThan(claims.Stage, 1);
        if (claims.Actions == ApprovalActions.None)
        {
            throw new ArgumentException("A link must allow at least one action.", nameof(claims));
        }

        var payload = new Payload(claims.CaseId, claims.Stage, Seal(keys.Current, claims.ReviewerEmail), (int)claims.Actions, claims.ExpiresAt.ToUnixTimeSeconds(), claims.Nonce);
        var body = $"{Version}.{keys.Current.KeyId}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, PayloadJson))}";
        return body + "." + Base64Url.EncodeToString(Sign(keys.Current, body));
    }

    /// <summary>Verifies a token and checks it against what the request expects.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="keys">The key ring.</param>
    /// <param name="now">The current instant (from the caller's TimeProvider).</param>
    /// <param name="expected">What the request expects; members left null are not checked.</param>
    public static TokenVerification Verify(string? token, LinkKeyRing keys, DateTimeOffset now, TokenExpectation expected)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(expected);
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return Refused(TokenRefusal.Malformed);
        }

        var parts = token.Split('.');
        if (parts.Length != 4 || parts.Any(p => p.Length == 0))
        {
            return Refused(TokenRefusal.Malformed);
        }

        if (parts[0] is not (Version or ClearVersion))
        {
            return Refused(TokenRefusal.UnsupportedVersion);
        }

        var key = keys.Find(parts[1]);
        if (key is null)
        {
            return Refused(TokenRefusal.UnknownKey);
        }

        if (!TryDecode(parts[2], out _) || !TryDecode(parts[3], out var signature) || signature.Length != HMACSHA256.HashSizeInBytes)
        {
            return Refused(TokenRefusal.Malformed);
        }

        var expectedSignature = Sign(key, $"{parts[0]}.{parts[1]}.{parts[2]}");
        if (!CryptographicOperations.FixedTimeEquals(signature, expectedSignature))
        {
            return Refused(TokenRefusal.BadSignature);
        }

        var claims = ReadPayload(parts[2], parts[0] == Version ? key : null);
        if (claims is null)
        {
            return Refused(TokenRefusal.Malformed);
        }

        TokenRefusal? refusal =
            now >= claims.ExpiresAt ? TokenRefusal.Expired
            : expected.CaseId is { } caseId && caseId != claims.CaseId ? TokenRefusal.WrongCase
            : expected.Stage is { } stage && stage != claims.Stage ? TokenRefusal.WrongStage
            : expected.ReviewerEmail is { } email && !string.Equals(email, claims.ReviewerEmail, StringComparison.OrdinalIgnoreCase) ? TokenRefusal.WrongReviewer
            : expected.Action is { } action && (action == ApprovalActions.None || (claims.Actions & action) != action) ? TokenRefusal.ActionNotAllowed
            : null;
        return new TokenVerification(claims, refusal);
    }

    private static JsonSerializerOptions CreatePayloadOptions()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static TokenVerification Refused(TokenRefusal refusal) => new(null, refusal);

    private static byte[] Sign(LinkSigningKey key, string body) => HMACSHA256.HashData(key.Secret, Encoding.ASCII.GetBytes(body));

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(text))
        {
            return false;
        }

        // Only the canonical encoding is accepted, so no two token strings carry the same signed bytes.
        bytes = Base64Url.DecodeFromChars(text);
        return Base64Url.EncodeToString(bytes) == text;
    }

    // The recipient, sealed: base64url(nonce ‖ ciphertext ‖ tag), AES-256-GCM under HKDF(signing secret).
    private static string Seal(LinkSigningKey key, string email)
    {
        var plain = Encoding.UTF8.GetBytes(email);
        var sealedBytes = new byte[SealNonceBytes + plain.Length + SealTagBytes];
        var nonce = sealedBytes.AsSpan(0, SealNonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(SealKey(key), SealTagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(SealNonceBytes, plain.Length), sealedBytes.AsSpan(SealNonceBytes + plain.Length), Encoding.ASCII.GetBytes(key.KeyId));
        return Base64Url.EncodeToString(sealedBytes);
    }

    private static string? Unseal(LinkSigningKey key, string text)
    {
        if (!TryDecode(text, out var sealedBytes) || sealedBytes.Length <= SealNonceBytes + SealTagBytes)
        {
            return null;
        }

        var plain = new byte[sealedBytes.Length - SealNonceBytes - SealTagBytes];
        using var aes = new AesGcm(SealKey(key), SealTagBytes);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, SealNonceBytes), sealedBytes.AsSpan(SealNonceBytes, plain.Length), sealedBytes.AsSpan(SealNonceBytes + plain.Length), plain, Encoding.ASCII.GetBytes(key.KeyId));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] SealKey(LinkSigningKey key)
    {
        var derived = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Secret, derived, salt: [], info: "guangong-link-recipient-v2"u8);
        return derived;
    }

    private static ApprovalTokenClaims? ReadPayload(string text, LinkSigningKey? sealKey)
    {
        if (!TryDecode(text, out var json))
        {
            return null;
        }

        try
        {
            var p = JsonSerializer.Deserialize<Payload>(json, PayloadJson);
            if (p is null || string.IsNullOrEmpty(p.C) || string.IsNullOrEmpty(p.R) || string.IsNullOrEmpty(p.N) || p.S < 1)
            {
                return null;
            }

            var recipient = sealKey is null ? p.R : Unseal(sealKey, p.R);
            if (string.IsNullOrEmpty(recipient))
            {
                return null;
            }

            return new ApprovalTokenClaims(p.C, p.S, recipient, (ApprovalActions)p.A, DateTimeOffset.FromUnixTimeSeconds(p.E), p.N);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The signed payload, with one-letter names to keep links short.</summary>
    private sealed record Payload(string C, int S, string R, int A, long E, string N);
}
