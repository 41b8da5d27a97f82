using System.Net.Sockets;
using System.Text.Json;
using Azure;

namespace GuanGong.Functions.Http;

/// <summary>
/// The one place unexpected exceptions are classified (<see cref="HttpGate"/> answers with it). Storage being unreachable is not a bug: it
/// answers 503 with Retry-After (never 500, and never a 202 for something not stored). Malformed
/// input the framework rejects answers 400/413 as problem details. Anything else is a 500 that
/// names no internals.
/// </summary>
internal static class ExceptionMapping
{
    public const int RetryAfterSeconds = 30;

    internal static (int Status, string Code, string Title, string Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, "too-large", "上传的内容太大。", "The request body is too large."),
        BadHttpRequestException bad when bad.InnerException is JsonException =>
            (400, "malformed-json", "提交的数据格式不正确（不是有效的 JSON）。", "The body is not valid JSON: " + bad.InnerException.Message),
        BadHttpRequestException bad =>
            (400, "bad-request", "请求格式不正确。", bad.Message),
        JsonException json =>
            (400, "malformed-json", "提交的数据格式不正确（不是有效的 JSON）。", "The body is not valid JSON: " + json.Message),
        // Form parsing: a multipart body without a boundary, a key or value over the form limits.
        InvalidDataException form =>
            (400, "malformed-form", "提交的表单格式不正确，请重新打开页面后再提交。", "The form body could not be read: " + form.Message),
        _ when IsStorageUnavailable(exception) =>
            (503, "storage-unavailable", "系统存储暂时无法访问，请稍后重试。", "Storage is unreachable; retry after the indicated delay."),
        _ => (500, "internal-error", "系统出错，请稍后重试。", "An unexpected error occurred."),
    };

    /// <summary>
    /// Whether storage could not be reached: a transport failure (connection refused or reset, a
    /// timeout), or a service answer that means "not now" (5xx). The SDKs wrap these: a
    /// <see cref="RequestFailedException"/> with status 0 around the <see cref="HttpRequestException"/>,
    /// and once their retries are spent an <see cref="AggregateException"/> of every attempt.
    /// </summary>
    internal static bool IsStorageUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                return aggregate.InnerExceptions.All(IsStorageUnavailable);
            }

            if (e is RequestFailedException { Status: 0 or >= 500 } or HttpRequestException or SocketException or IOException
                || (e is TaskCanceledException && e.InnerException is TimeoutException))
            {
                return true;
            }
        }

        return false;
    }
}
