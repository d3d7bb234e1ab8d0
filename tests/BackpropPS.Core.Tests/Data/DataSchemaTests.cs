using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Data;

/// <summary>A schema refuses class labels no classifier can have, by the rule LabelEncoding keeps.</summary>
public class DataSchemaTests
{
    [Theory]
    [InlineData("setosa", "SingleClassLabel")]
    [InlineData("a,b,a", "DuplicateClassLabel")]
    public void ASchemaRefusesLabelsNoClassifierCanHave(string labels, string errorId)
    {
        var e = Assert.Throws<BackpropException>(() => new DataSchema(new[] { "x" }, new[] { "y" }, labels.Split(',')));
        Assert.Equal(errorId, e.ErrorId);
    }
}
