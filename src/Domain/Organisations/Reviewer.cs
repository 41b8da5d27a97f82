namespace GuanGong.Domain.Organisations;

/// <summary>A person who reviews or decides cases on behalf of a committee; links are emailed to them.</summary>
/// <param name="Name">Display name, e.g. 张建国.</param>
/// <param name="Email">Email address the approval links are sent to.</param>
public sealed record Reviewer(string Name, string Email);
