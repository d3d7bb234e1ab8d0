# Command model -> MAML external help XML bytes, the file Get-Help reads for cmdlets.

$script:Ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function ConvertTo-MamlBytes {
    param([object[]]$Commands)
    $settings = [System.Xml.XmlWriterSettings]@{
        Indent       = $true
        IndentChars  = '  '
        NewLineChars = "`n"
        Encoding     = [System.Text.UTF8Encoding]::new($false)
    }
    $stream = [System.IO.MemoryStream]::new()
    $writer = [System.Xml.XmlWriter]::Create($stream, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $script:Ns.msh)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($command in $Commands) { Write-MamlCommand $writer $command }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
    , $stream.ToArray()   # comma: hand back one byte[] instead of unrolling it byte by byte
}

function Write-MamlCommand {
    param([System.Xml.XmlWriter]$W, $Command)
    $W.WriteStartElement('command', 'command', $script:Ns.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') {
        $W.WriteAttributeString('xmlns', $prefix, $null, $script:Ns[$prefix])
    }

    $W.WriteStartElement('command', 'details', $script:Ns.command)
    Write-Text $W command name $Command.Name
    Write-Text $W command verb $Command.Verb
    Write-Text $W command noun $Command.Noun
    Write-Paragraphs $W maml description $Command.Synopsis
    $W.WriteEndElement()

    Write-Paragraphs $W maml description $Command.Description

    $W.WriteStartElement('command', 'syntax', $script:Ns.command)
    foreach ($item in $Command.Syntax) {
        $W.WriteStartElement('command', 'syntaxItem', $script:Ns.command)
        Write-Text $W maml name $Command.Name
        foreach ($parameter in $item.Parameters) { Write-MamlParameter $W $parameter -InSyntax }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # The parameters section describes each parameter once, using its first yaml block (as platyPS).
    $W.WriteStartElement('command', 'parameters', $script:Ns.command)
    foreach ($parameter in $Command.Parameters) {
        Write-MamlParameter $W ([pscustomobject]@{
                Name = $parameter.Name; Description = $parameter.Description; Metadata = $parameter.Metadata[0]
            })
    }
    $W.WriteEndElement()

    Write-TypeList $W inputTypes inputType $Command.Inputs
    Write-TypeList $W returnValues returnValue $Command.Outputs

    $W.WriteStartElement('maml', 'alertSet', $script:Ns.maml)
    Write-Paragraphs $W maml alert $Command.Notes
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'examples', $script:Ns.command)
    foreach ($example in $Command.Examples) {
        $W.WriteStartElement('command', 'example', $script:Ns.command)
        Write-Text $W maml title (Format-ExampleTitle $example.Title)
        Write-Text $W dev code $example.Code
        Write-Paragraphs $W dev remarks $example.Remarks
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $script:Ns.command)
    foreach ($link in $Command.Links) {
        $W.WriteStartElement('maml', 'navigationLink', $script:Ns.maml)
        Write-Text $W maml linkText $link.Text
        Write-Text $W maml uri $link.Uri
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}

function Write-MamlParameter {
    param([System.Xml.XmlWriter]$W, $Parameter, [switch]$InSyntax)
    $m = $Parameter.Metadata
    $W.WriteStartElement('command', 'parameter', $script:Ns.command)
    $W.WriteAttributeString('required', $m.Required.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', 'true')
    $W.WriteAttributeString('globbing', $m.Globbing.ToString().ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', $m.PipelineInput)
    $W.WriteAttributeString('position', $m.Position.ToLowerInvariant())
    $W.WriteAttributeString('aliases', $(if ($m.Aliases.Count) { $m.Aliases -join ', ' } else { 'none' }))

    Write-Text $W maml name $Parameter.Name
    Write-Paragraphs $W maml description $Parameter.Description
    if ($m.AcceptedValues.Count) {
        $W.WriteStartElement('command', 'parameterValueGroup', $script:Ns.command)
        foreach ($value in $m.AcceptedValues) { Write-ParameterValue $W $value -Required $false }
        $W.WriteEndElement()
    }
    # Like platyPS: no value placeholder for switches in syntax, so Get-Help shows [-Force], not [-Force <SwitchParameter>].
    if (-not ($InSyntax -and $m.IsSwitch)) { Write-ParameterValue $W $m.Type -Required (-not $m.IsSwitch) }
    $W.WriteStartElement('dev', 'type', $script:Ns.dev)
    Write-Text $W maml name $m.Type
    Write-Text $W maml uri ''
    $W.WriteEndElement()
    Write-Text $W dev defaultValue $m.DefaultValue
    $W.WriteEndElement()
}

function Write-ParameterValue {
    param([System.Xml.XmlWriter]$W, [string]$Value, [bool]$Required)
    $W.WriteStartElement('command', 'parameterValue', $script:Ns.command)
    $W.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', 'false')
    $W.WriteString($Value)
    $W.WriteEndElement()
}

function Write-TypeList {
    param([System.Xml.XmlWriter]$W, [string]$ListName, [string]$ItemName, [object[]]$Entries)
    $W.WriteStartElement('command', $ListName, $script:Ns.command)
    foreach ($entry in $Entries) {
        $W.WriteStartElement('command', $ItemName, $script:Ns.command)
        $W.WriteStartElement('dev', 'type', $script:Ns.dev)
        Write-Text $W maml name $entry.Type
        $W.WriteEndElement()
        Write-Paragraphs $W maml description $entry.Description
        $W.WriteEndElement()
    }
    $W.WriteEndElement()
}

function Write-Text {
    param([System.Xml.XmlWriter]$W, [string]$Prefix, [string]$Name, [string]$Text)
    $W.WriteElementString($Prefix, $Name, $script:Ns[$Prefix], $Text)
}

function Write-Paragraphs {
    param([System.Xml.XmlWriter]$W, [string]$Prefix, [string]$Name, [string[]]$Paragraphs)
    $W.WriteStartElement($Prefix, $Name, $script:Ns[$Prefix])
    foreach ($para in $Paragraphs) { Write-Text $W maml para $para }
    $W.WriteEndElement()
}

# platyPS centres example titles in dashes to 64 columns; Get-Help shows them as separators.
function Format-ExampleTitle([string]$Title) {
    if ($Title.Length -ge 62) { return $Title }
    $pad = '-' * [math]::Floor((64 - $Title.Length - 2) / 2)
    "$pad $Title $pad"
}
