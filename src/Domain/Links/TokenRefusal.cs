namespace GuanGong.Domain.Links;

/// <summary>Why an approval link is refused. The page shows a plain message for each (e.g. "链接已过期，请联系…").</summary>
public enum TokenRefusal
{
    /// <summary>Not a token of this format (truncated by a mail client, mistyped...).</summary>
    Malformed,

    /// <summary>A token format version this code does not read.</summary>
    UnsupportedVersion,

    /// <summary>Signed with a key no longer (or never) in the key ring.</summary>
    UnknownKey,

    /// <summary>The signature does not match: the token was altered or forged.</summary>
    BadSignature,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>Bound to another case.</summary>
    WrongCase,

    /// <summary>Bound to another stage (the case has moved on).</summary>
    WrongStage,

    /// <summary>Sent to another reviewer.</summary>
    WrongReviewer,

    /// <summary>The requested action is not among the link's actions.</summary>
    ActionNotAllowed,
}
