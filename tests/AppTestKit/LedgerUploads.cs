using System.Net.Http.Headers;
using System.Text;

namespace GuanGong.Testing.App;

/// <summary>Ledger uploads as a unit's browser sends them: the file named by <c>X-File-Name</c>, a PDF body.</summary>
public static class LedgerUploads
{
    /// <summary>Uploads one ledger file for <paramref name="itemId"/> (default the template's first item) with a bearer token or the admin key.</summary>
    public static async Task<HttpResponseMessage> UploadLedgerAsync(this HttpClient client, string caseId, string fileName, byte[] bytes, string? bearer = null, string? adminKey = null, string? itemId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var item = itemId ?? SampleCounty.Template.AllItems.First().Id;
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/cases/{caseId}/items/{item}/ledgers", UriKind.Relative))
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Headers.Add("X-File-Name", Uri.EscapeDataString(fileName));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (adminKey is not null)
        {
            request.Headers.Add("X-Admin-Key", adminKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>A tiny but genuine PDF whose text carries <paramref name="text"/>.</summary>
    public static byte[] Pdf(string text) => Encoding.UTF8.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% " + text + "\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
