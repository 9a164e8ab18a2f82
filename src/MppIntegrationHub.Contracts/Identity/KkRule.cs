namespace MppIntegrationHub.Contracts.Identity;

/// <summary>The family card number rule an input broke.</summary>
public enum KkRule
{
    /// <summary>Not 16 digits after removing spaces, dots and dashes.</summary>
    Length,

    /// <summary>Contains a character other than a digit or a separator.</summary>
    Digits,

    /// <summary>The first two digits are not a Kemendagri province.</summary>
    Province,

    /// <summary>Digits 7-12 are not a real, past data-entry date DDMMYY.</summary>
    EntryDate,

    /// <summary>The serial (last four digits) is 0000.</summary>
    Serial,
}
