namespace GuanGong.Domain.Organisations;

/// <summary>What makes a <see cref="Reviewer"/> usable: a name and a plausible email address.</summary>
public static class ReviewerRules
{
    /// <summary>Validates a reviewer; paths are <c>name</c> and <c>email</c>.</summary>
    /// <param name="reviewer">The reviewer.</param>
    public static IReadOnlyList<ValidationError> Validate(Reviewer reviewer)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(reviewer.Name))
        {
            errors.Add(new("name", "reviewer.name_missing", "审核人姓名不能为空。", "The reviewer's name is missing."));
        }

        if (!IsPlausibleEmail(reviewer.Email))
        {
            errors.Add(new(
                "email",
                "reviewer.email_invalid",
                $"审核人邮箱“{reviewer.Email}”格式不正确。",
                $"The reviewer's email '{reviewer.Email}' is not a valid address."));
        }

        return errors;
    }

    /// <summary>
    /// A deliberately simple check (one @, something on both sides, a dot in the domain, no spaces):
    /// the real proof an address works is that the reviewer receives the link.
    /// </summary>
    /// <param name="email">The address.</param>
    public static bool IsPlausibleEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && at == email.LastIndexOf('@')
            && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.');
    }
}
