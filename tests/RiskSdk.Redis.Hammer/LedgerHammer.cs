using System;
using System.Collections.Generic;
using System.Globalization;
using RiskSdk;
using RiskSdk.Positions;
using RiskSdk.Redis;

namespace RiskSdk.Redis.Hammer;

/// <summary>Random reserve, commit, release and close against one shared cap, counting what it did.</summary>
internal sealed class LedgerHammer
{
    private readonly RedisPositionBook _book;
    private readonly string _scope;
    private readonly int _cap;
    private readonly Random _random;
    private readonly List<Reservation> _held = new();
    private readonly List<string> _open = new();
    private long _reserved, _committed, _released, _closed, _atCapacity, _unavailable, _nextPosition;

    public LedgerHammer(RedisPositionBook book, string scope, int cap, Random random)
    {
        _book = book;
        _scope = scope;
        _cap = cap;
        _random = random;
    }

    public int Run(int operations)
    {
        for (var i = 0; i < operations; i++)
        {
            var roll = _random.Next(10);
            if (roll < 4)
            {
                Reserve();
            }
            else if (roll < 7)
            {
                if (_held.Count > 0)
                {
                    Commit();
                }
            }
            else if (roll < 8)
            {
                if (_held.Count > 0)
                {
                    Release(_held.Count - 1);
                }
            }
            else if (_open.Count > 0)
            {
                Close();
            }
        }

        while (_held.Count > 0)
        {
            Release(_held.Count - 1);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"TALLY reserved={_reserved} committed={_committed} released={_released} closed={_closed} atcapacity={_atCapacity} unavailable={_unavailable} open={string.Join(',', _open)}"));
        return 0;
    }

    private void Reserve()
    {
        var outcome = _book.TryReserve(_scope, _cap);
        switch (outcome.Status)
        {
            case ReserveStatus.Reserved:
                _reserved++;
                _held.Add(outcome.Reservation);
                break;
            case ReserveStatus.AtCapacity:
                _atCapacity++;
                break;
            default:
                _unavailable++;
                break;
        }
    }

    private void Commit()
    {
        var index = _random.Next(_held.Count);
        var positionId = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{++_nextPosition}");
        if (_held[index].Commit(positionId))
        {
            _committed++;
            _open.Add(positionId);
        }

        // A duplicate fill from the broker is a no-op.
        _held[index].Commit(positionId);
        _held.RemoveAt(index);
    }

    private void Release(int index)
    {
        if (_held[index].Release())
        {
            _released++;
        }

        _held.RemoveAt(index);
    }

    private void Close()
    {
        var index = _random.Next(_open.Count);
        if (_book.Close(_scope, _open[index]))
        {
            _closed++;
        }

        _open.RemoveAt(index);
    }
}
