using GuanGong.Domain;

namespace GuanGong.Functions.Http;

/// <summary>
/// Every expected failure becomes RFC 9457 problem details here, in one place: a Chinese title a
/// person can read, the same in English in <c>detail</c>, and for validation an <c>errors</c> list
/// naming each bad field (<c>path</c>, <c>code</c>, <c>message</c>, <c>messageEn</c>, <c>line</c>).
/// </summary>
public static class Problems
{
    public static IResult Validation(IEnumerable<ValidationError> errors, string title = "提交的内容有误，请按提示修改。") =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            detail: "The request is invalid; see errors.",
            type: "https://guangong.local/problems/validation",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new { path = e.Path, code = e.Code, message = e.MessageZh, messageEn = e.MessageEn, line = e.Line }).ToList(),
            });

    /// <summary>A service's refusal: the validation list for a 400, otherwise the first error under its own status.</summary>
    public static IResult Refusal(IReadOnlyList<ValidationError> errors, int status)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return status == StatusCodes.Status400BadRequest || errors.Count == 0
            ? Validation(errors)
            : Problem(status, errors[0].Code, errors[0].MessageZh, errors[0].MessageEn);
    }

    public static IResult BadRequest(string code, string titleZh, string detailEn) => Problem(StatusCodes.Status400BadRequest, code, titleZh, detailEn);

    public static IResult Unauthorized(string titleZh, string detailEn) => Problem(StatusCodes.Status401Unauthorized, "unauthorized", titleZh, detailEn);

    public static IResult Forbidden(string titleZh, string detailEn) => Problem(StatusCodes.Status403Forbidden, "forbidden", titleZh, detailEn);

    public static IResult NotFound(string titleZh, string detailEn) => Problem(StatusCodes.Status404NotFound, "not-found", titleZh, detailEn);

    public static IResult Conflict(string code, string titleZh, string detailEn) => Problem(StatusCodes.Status409Conflict, code, titleZh, detailEn);

    public static IResult TooLarge(string titleZh, string detailEn) => Problem(StatusCodes.Status413PayloadTooLarge, "too-large", titleZh, detailEn);

    public static IResult UnsupportedMediaType(string titleZh, string detailEn) => Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", titleZh, detailEn);

    public static IResult Problem(int status, string code, string titleZh, string detailEn) =>
        Results.Problem(
            statusCode: status,
            title: titleZh,
            detail: detailEn,
            type: $"https://guangong.local/problems/{code}",
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
