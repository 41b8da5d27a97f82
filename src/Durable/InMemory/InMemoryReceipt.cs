namespace GuanGong.Durable;

internal sealed record InMemoryReceipt(InMemoryQueue Queue, long Id, Guid PopReceipt);
