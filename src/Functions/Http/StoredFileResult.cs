using Azure.Storage.Blobs.Models;
using Microsoft.Net.Http.Headers;

namespace GuanGong.Functions.Ledgers;

/// <summary>
/// Streams a ledger from Blob Storage to the caller. Uploaded files are untrusted: the type is the
/// one detected at upload (never sniffed by the browser: nosniff), the page is sandboxed (a PDF with
/// script runs with no origin), nothing is cached, only PDFs and images open inline, and the link
/// (a bearer credential for 15 minutes) is never sent on as a referrer.
/// </summary>
internal sealed class LedgerContentResult(LedgerRecord ledger, BlobDownloadStreamingResult content) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using (content)
        {
            var kind = LedgerFileKind.All.FirstOrDefault(k => k.ContentType == ledger.ContentType);
            var disposition = new ContentDispositionHeaderValue(kind?.ShowInline == true ? "inline" : "attachment");
            disposition.SetHttpFileName(ledger.FileName);
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ledger.ContentType;
            response.ContentLength = ledger.Length;
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
