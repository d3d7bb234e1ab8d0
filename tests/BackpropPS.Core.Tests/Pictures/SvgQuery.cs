using System.Linq;
using System.Xml.Linq;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>Finding the parts of a picture's SVG by their class.</summary>
internal static class SvgQuery
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>Every element of <paramref name="svg"/> whose class is <paramref name="cssClass"/>, in document order.</summary>
    public static XElement[] WithClass(XContainer svg, string cssClass) =>
        svg.Descendants().Where(e => (string)e.Attribute("class") == cssClass).ToArray();

    /// <summary>The pixel rectangles of an image tile, row after row.</summary>
    public static XElement[] Pixels(XElement tile) => WithClass(tile, "pixels").Single().Elements(Svg + "rect").ToArray();
}
