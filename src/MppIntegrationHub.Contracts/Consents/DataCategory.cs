namespace MppIntegrationHub.Contracts.Consents;

/// <summary>Categories of personal data; client scopes are granted per category.</summary>
public enum DataCategory
{
    /// <summary>Name, birth place and date, sex.</summary>
    Identity,

    /// <summary>Address and region codes.</summary>
    Address,

    /// <summary>KK number, family relation, mother's name.</summary>
    Family,

    /// <summary>Civil status, religion, occupation, education, blood type.</summary>
    Civil,

    /// <summary>Health records (specific personal data under UU 27/2022).</summary>
    Health,

    /// <summary>Face images and match scores (specific personal data).</summary>
    Biometric,
}
