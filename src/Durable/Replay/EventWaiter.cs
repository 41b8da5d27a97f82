namespace GuanGong.Durable;

internal abstract class EventWaiter
{
    public abstract void Complete(string? payload, DataConverter converter);
}
