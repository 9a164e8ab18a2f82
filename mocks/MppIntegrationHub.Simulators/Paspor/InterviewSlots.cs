namespace MppIntegrationHub.Simulators.Paspor;

/// <summary>Interview appointments per office, date and hourly slot, within each office's daily quota.</summary>
internal sealed class InterviewSlots(IReadOnlyDictionary<string, PassportOffice> offices)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Appointment> _appointments = new(StringComparer.Ordinal);
    private int _sequence;

    public bool TryGetOffice(string? code, out PassportOffice office) => offices.TryGetValue(code ?? string.Empty, out office!);

    /// <summary>Slots with room left on <paramref name="date"/>, earliest first.</summary>
    public IReadOnlyList<(int Slot, int Left)> Free(PassportOffice office, DateOnly date)
    {
        lock (_lock)
        {
            var free = new List<(int, int)>();
            for (var slot = 0; slot < PassportOffice.Slots.Length; slot++)
            {
                var taken = _appointments.Values.Count(a => !a.Cancelled && a.Office == office.Code && a.Date == date && a.Slot == slot);
                var left = office.Capacity(slot, date) - taken;
                if (left > 0)
                {
                    free.Add((slot, left));
                }
            }

            return free;
        }
    }

    /// <summary>Books the earliest free slot; null when the day's quota is used up.</summary>
    public Appointment? Book(string nik, PassportOffice office, DateOnly date, string service)
    {
        lock (_lock)
        {
            if (Free(office, date) is not [var first, ..])
            {
                return null;
            }

            var appointment = new Appointment($"JDW-{++_sequence:D8}", nik, office.Code, date, first.Slot, service);
            _appointments.Add(appointment.Code, appointment);
            return appointment;
        }
    }

    /// <summary>Gives the slot back to the quota unless an application already uses it.</summary>
    public CancelOutcome Cancel(string code)
    {
        lock (_lock)
        {
            if (!_appointments.TryGetValue(code, out var appointment) || appointment.Cancelled)
            {
                return CancelOutcome.NotFound;
            }

            if (appointment.Used)
            {
                return CancelOutcome.AlreadyUsed;
            }

            _appointments[code] = appointment with { Cancelled = true };
            return CancelOutcome.Cancelled;
        }
    }

    /// <summary>The appointment when <paramref name="nik"/> may still use it for an application.</summary>
    public Appointment? Usable(string? code, string nik)
    {
        lock (_lock)
        {
            return _appointments.TryGetValue(code ?? string.Empty, out var appointment) && !appointment.Cancelled && !appointment.Used && appointment.Nik == nik
                ? appointment
                : null;
        }
    }

    public void MarkUsed(string code)
    {
        lock (_lock)
        {
            _appointments[code] = _appointments[code] with { Used = true };
        }
    }
}

internal enum CancelOutcome
{
    Cancelled,
    NotFound,
    AlreadyUsed,
}

/// <summary>An interview booked at an office, in one of its hourly slots.</summary>
internal sealed record Appointment(string Code, string Nik, string Office, DateOnly Date, int Slot, string Service)
{
    public bool Cancelled { get; init; }

    public bool Used { get; init; }

    public string Hours => PassportOffice.Slots[Slot];
}
