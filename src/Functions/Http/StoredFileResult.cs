using Azure.Storage.Blobs.Models;
using Microsoft.Net.Http.Headers;

namespace GuanGong.Functions.Http;

/// <summary>
/// Streams an uploaded file (a ledger, a 督查 visit's attachment) from Blob Storage to the caller. Uploaded files are
/// untrusted: the type is the one the caller decided (a ledger's, detected at upload; otherwise a plain download),
/// never sniffed by the browser (nosniff), the page is sandboxed (a PDF with script runs with no origin), nothing is
/// cached, only what the caller marks inline opens in the browser, and the link (a bearer credential) is never sent
/// on as a referrer.
/// </summary>
internal sealed class StoredFileResult(string fileName, string contentType, long length, bool inline, BlobDownloadStreamingResult content) : IResult
{
    /// <summary>The type of a file whose content was not checked at upload: saved, never shown.</summary>
    public const string Unchecked = "application/octet-stream";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using (content)
        {
            var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
            disposition.SetHttpFileName(fileName);
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = contentType;
            response.ContentLength = length;
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.ContentSecurityPolicy = "sandbox";
            response.Headers.CacheControl = "private, no-store";

            // The link is the credential: a page opened from the file must not carry it off in a Referer.
            response.Headers["Referrer-Policy"] = "no-referrer";
            await content.Content.CopyToAsync(response.Body, httpContext.RequestAborted);
        }
    }
}
