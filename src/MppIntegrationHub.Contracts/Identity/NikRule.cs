namespace MppIntegrationHub.Contracts.Identity;

/// <summary>The NIK rule an input broke; one value per rule so an API can name it in a field error.</summary>
public enum NikRule
{
    /// <summary>Not 16 digits after removing spaces, dots and dashes.</summary>
    Length,

    /// <summary>Contains a character other than a digit or a separator.</summary>
    Digits,

    /// <summary>The first two digits are not a Kemendagri province.</summary>
    Province,

    /// <summary>The month (digits 9-10) is not 01-12.</summary>
    Month,

    /// <summary>The day (digits 7-8, plus 40 for women) is not a day of that month in any admissible century.</summary>
    Day,

    /// <summary>The serial (last four digits) is 0000.</summary>
    Serial,
}
