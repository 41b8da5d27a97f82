namespace GuanGong.Storage.Queues.Models;

/// <summary>The new pop receipt and visibility after an update (the old receipt is dead). Mirrors <c>Azure.Storage.Queues.Models.UpdateReceipt</c>.</summary>
public sealed class UpdateReceipt
{
    internal UpdateReceipt(string popReceipt, DateTimeOffset nextVisibleOn)
    {
        PopReceipt = popReceipt;
        NextVisibleOn = nextVisibleOn;
    }

    /// <summary>The pop receipt to use from now on.</summary>
    public string PopReceipt { get; }

    /// <summary>When the message becomes visible again.</summary>
    public DateTimeOffset NextVisibleOn { get; }
}
