using DevLab.JmesPath;
using DevLab.JmesPath.Expressions;
using Newtonsoft.Json.Linq;

namespace MppIntegrationHub.Adapters.Declarative.Mapping;

/// <summary>A compiled JMESPath expression (JmesPath.Net); parsed once per manifest version, evaluated per call.</summary>
public sealed class JmesPathMapping
{
    private static readonly JmesPath Engine = new();
    private readonly JmesPathExpression _expression;

    private JmesPathMapping(string text, JmesPathExpression expression)
    {
        Text = text;
        _expression = expression;
    }

    public string Text { get; }

    /// <summary>Compiles <paramref name="text"/>; the parser's message when it is not JMESPath.</summary>
    public static JmesPathMapping? TryCompile(string text, out string? error)
    {
        try
        {
            error = null;
            return new JmesPathMapping(text, Engine.Parse(text));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // JmesPath.Net reports syntax errors through several exception types; all mean "not an expression".
            error = ex.Message;
            return null;
        }
    }

    /// <summary>Compiles an expression already validated by the manifest validator.</summary>
    public static JmesPathMapping Compile(string text) =>
        TryCompile(text, out var error) ?? throw new ArgumentException($"'{text}' is not a JMESPath expression: {error}", nameof(text));

    public JToken Evaluate(JToken input) => _expression.Transform(input).AsJToken();
}
