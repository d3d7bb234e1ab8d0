#Requires -Version 7.2
<#
    HelpBuilder: turns platyPS 2.0.0-schema markdown into the files Get-Help reads
    (MAML external help XML and about_*.help.txt), without needing platyPS itself.

    Flow: markdown file -> lines -> front matter + flat list of blocks (heading, code,
    paragraph) -> sections -> page model -> bytes in memory -> atomic file write.
    Every output is produced in memory first, so a bad page never leaves a half-written file.
#>
Set-StrictMode -Version 3.0

$script:Ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

$script:CmdletSections = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS',
    'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')

$script:YamlKeys = @('Type', 'Parameter Sets', 'Aliases', 'Accepted values', 'Required', 'Position',
    'Default value', 'Accept pipeline input', 'Accept wildcard characters', 'Applicable')

# Parameter set name platyPS uses for "every set"; a SYNTAX block without a ### heading gets it too.
$script:AllSets = '(All)'

#region Errors

# Format problems are InvalidDataException so public functions can tell them from I/O failures
# and report them under one error id.
function New-FormatError {
    param([string]$File, [int]$Line, [string]$Message)
    $where = if ($Line -gt 0) { "'$File' (line $Line)" } else { "'$File'" }
    [System.IO.InvalidDataException]::new("Invalid help markdown in ${where}: $Message")
}

function New-HelpBuilderErrorRecord {
    param([System.Management.Automation.ErrorRecord]$ErrorRecord)
    $ex = $ErrorRecord.Exception
    if ($ex -is [System.Management.Automation.MethodInvocationException] -and $ex.InnerException) {
        $ex = $ex.InnerException
    }
    $id, $category = switch ($ex) {
        { $_ -is [System.IO.InvalidDataException] } { 'HelpBuilder.InvalidMarkdown', 'InvalidData'; break }
        { $_ -is [System.IO.FileNotFoundException] -or $_ -is [System.IO.DirectoryNotFoundException] } {
            'HelpBuilder.NotFound', 'ObjectNotFound'; break
        }
        default { 'HelpBuilder.Failed', 'NotSpecified' }
    }
    [System.Management.Automation.ErrorRecord]::new($ex, $id, $category, $null)
}

#endregion

#region Markdown reading

function Read-MarkdownDocument {
    param([string]$Path)
    $lines = [System.IO.File]::ReadAllText($Path) -split '\r?\n'
    $frontMatter = $null
    $bodyStart = 0
    if ($lines[0].TrimEnd() -eq '---') {
        $frontMatter, $bodyStart = Read-FrontMatter -Lines $lines -File $Path
    }
    $body = if ($bodyStart -lt $lines.Count) { $lines[$bodyStart..($lines.Count - 1)] } else { @() }
    [pscustomobject]@{
        Path        = $Path
        FrontMatter = $frontMatter
        Blocks      = ConvertTo-MarkdownBlock -Lines $body -FirstLine ($bodyStart + 1) -File $Path
    }
}

# Only the flat 'key: value' subset of YAML that platyPS writes; anything else is reported.
function Read-FrontMatter {
    param([string[]]$Lines, [string]$File)
    $end = 1
    while ($end -lt $Lines.Count -and $Lines[$end].TrimEnd() -ne '---') { $end++ }
    if ($end -ge $Lines.Count) {
        throw (New-FormatError $File 1 "front matter opened with '---' is never closed by a '---' line.")
    }
    $values = [ordered]@{}
    for ($i = 1; $i -lt $end; $i++) {
        $line = $Lines[$i].TrimEnd()
        if ($line -eq '') { continue }
        if ($line -notmatch '^(?<key>[A-Za-z][\w .-]*?)\s*:(?:\s+(?<value>.*))?$') {
            throw (New-FormatError $File ($i + 1) "expected 'key: value' in the front matter, found '$line'.")
        }
        $values[$Matches.key] = "$($Matches['value'])".Trim().Trim('"', "'")
    }
    $values, ($end + 1)
}

# Splits markdown into headings, fenced code blocks and paragraphs, remembering line numbers.
function ConvertTo-MarkdownBlock {
    param([string[]]$Lines, [int]$FirstLine, [string]$File)
    $blocks = [System.Collections.Generic.List[object]]::new()
    $paragraph = $null
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        $line = $Lines[$i]
        $lineNo = $FirstLine + $i
        if ($line -match '^(?<indent> {0,3})(?<fence>`{3,}|~{3,})\s*(?<lang>[^\s`]*)') {
            $paragraph = $null
            $fence = $Matches.fence
            $lang = $Matches.lang   # read now: matching the closing fence below overwrites $Matches
            $indent = $Matches.indent.Length
            $closing = '^ {0,3}' + [regex]::Escape($fence.Substring(0, 1)) + '{' + $fence.Length + ',}\s*$'
            $code = [System.Collections.Generic.List[string]]::new()
            $closed = $false
            for ($i++; $i -lt $Lines.Count; $i++) {
                if ($Lines[$i] -match $closing) { $closed = $true; break }
                # Drop the fence's own indentation from each code line, as CommonMark does.
                $code.Add(($Lines[$i] -replace "^ {0,$indent}", '').TrimEnd())
            }
            if (-not $closed) {
                throw (New-FormatError $File $lineNo "code block opened with $fence is never closed.")
            }
            $blocks.Add((New-Block -Kind Code -Line $lineNo -Lang $lang -Lines $code.ToArray()))
        }
        elseif ($line -match '^(?<hashes>#{1,6})[ \t]+(?<text>.+?)(?:[ \t]+#+)?[ \t]*$') {
            $paragraph = $null
            $blocks.Add((New-Block -Kind Heading -Line $lineNo -Level $Matches.hashes.Length -Text $Matches.text))
        }
        elseif ($line.Trim() -eq '') {
            $paragraph = $null
        }
        else {
            if ($null -eq $paragraph) {
                $paragraph = New-Block -Kind Paragraph -Line $lineNo -Lines @()
                $blocks.Add($paragraph)
            }
            $paragraph.Lines += $line.TrimEnd()
        }
    }
    , $blocks.ToArray()
}

function New-Block {
    param([string]$Kind, [int]$Line, [int]$Level = 0, [string]$Text = '', [string]$Lang = '', [string[]]$Lines = @())
    [pscustomobject]@{ Kind = $Kind; Line = $Line; Level = $Level; Text = $Text; Lang = $Lang; Lines = $Lines }
}

# Page = one '# Title' heading followed by '## Section' groups of blocks.
function Get-PageSection {
    param($Document)
    $blocks = $Document.Blocks
    $file = $Document.Path
    if ($blocks.Count -eq 0 -or $blocks[0].Kind -ne 'Heading' -or $blocks[0].Level -ne 1) {
        $line = if ($blocks.Count) { $blocks[0].Line } else { 0 }
        throw (New-FormatError $file $line "expected the page to start with a '# <Name>' heading.")
    }
    $sections = [System.Collections.Generic.List[object]]::new()
    $current = $null
    foreach ($block in $blocks | Select-Object -Skip 1) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 1) {
            throw (New-FormatError $file $block.Line "found a second '# $($block.Text)' heading; a page has exactly one '#' heading.")
        }
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 2) {
            $current = [pscustomobject]@{ Name = $block.Text.Trim(); Line = $block.Line; Blocks = @() }
            $sections.Add($current)
        }
        elseif ($null -eq $current) {
            throw (New-FormatError $file $block.Line "expected a '## <SECTION>' heading after '# $($blocks[0].Text)'.")
        }
        else {
            $current.Blocks += $block
        }
    }
    [pscustomobject]@{ Title = $blocks[0].Text.Trim(); TitleLine = $blocks[0].Line; Sections = $sections.ToArray() }
}

# Markdown blocks -> plain paragraphs for <maml:para>. Lists and tables keep one line per item,
# because Get-Help rewraps each para and would otherwise run list items together.
function ConvertTo-Paragraph {
    param([object[]]$Blocks)
    foreach ($block in $Blocks) {
        switch ($block.Kind) {
            'Code' { $block.Lines -join "`n" }
            'Heading' { $block.Text }
            'Paragraph' {
                if ($block.Lines[0] -match '^\s*\|') { $block.Lines -join "`n" }
                elseif (Test-ListLine $block.Lines[0]) { Join-ListItem $block.Lines }
                else { ($block.Lines | ForEach-Object Trim) -join ' ' }
            }
        }
    }
}

function Test-ListLine([string]$Line) { $Line -match '^\s*([-*+]|\d+[.)])\s+' }

function Join-ListItem {
    param([string[]]$Lines)
    $item = $null
    foreach ($line in $Lines) {
        if (Test-ListLine $line) {
            if ($null -ne $item) { $item }
            $item = $line.Trim()
        }
        else { $item += ' ' + $line.Trim() }
    }
    $item
}

#endregion

#region Cmdlet page model

function Test-CmdletPage {
    param($Document)
    $name = [System.IO.Path]::GetFileName($Document.Path)
    if ($name -like 'about_*') { return $false }
    if ($Document.FrontMatter -and $Document.FrontMatter.Contains('Module Guid')) { return $false }
    $first = $Document.Blocks | Select-Object -First 1
    -not ($first -and $first.Kind -eq 'Heading' -and $first.Text -like 'about_*')
}

function Read-CmdletPage {
    param($Document)
    $file = $Document.Path
    $front = $Document.FrontMatter
    if ($front -and $front.Contains('schema') -and $front['schema'] -ne '2.0.0') {
        throw (New-FormatError $file 0 "expected 'schema: 2.0.0' in the front matter, found 'schema: $($front['schema'])'.")
    }
    $page = Get-PageSection $Document
    if ($page.Title -notmatch '^[\w.]+(-[\w.]+)*$') {
        throw (New-FormatError $file $page.TitleLine "expected '# <Verb-Noun>' as the page heading, found '# $($page.Title)'.")
    }

    $sections = @{}
    foreach ($section in $page.Sections) {
        $key = $section.Name.ToUpperInvariant()
        if ($key -notin $script:CmdletSections) {
            throw (New-FormatError $file $section.Line "unexpected section '## $($section.Name)'; expected one of: $($script:CmdletSections -join ', ').")
        }
        if ($sections.ContainsKey($key)) {
            throw (New-FormatError $file $section.Line "section '## $key' appears twice.")
        }
        $sections[$key] = $section
    }
    foreach ($required in 'SYNOPSIS', 'SYNTAX') {
        if (-not $sections.ContainsKey($required)) {
            throw (New-FormatError $file 0 "missing required section '## $required' for command '$($page.Title)'.")
        }
    }
    $empty = [pscustomobject]@{ Name = ''; Line = 0; Blocks = @() }
    $get = { param($name) if ($sections.ContainsKey($name)) { $sections[$name] } else { $empty } }

    $synopsis = @(ConvertTo-Paragraph $sections['SYNOPSIS'].Blocks)
    if ($synopsis.Count -eq 0) {
        throw (New-FormatError $file $sections['SYNOPSIS'].Line "section '## SYNOPSIS' is empty; expected a one-line summary.")
    }
    $parameters = @(Read-ParametersSection (& $get 'PARAMETERS') $file)
    $verb, $noun = $page.Title -split '-', 2
    [pscustomobject]@{
        Name        = $page.Title
        Verb        = $verb
        Noun        = "$noun"
        Synopsis    = $synopsis
        Description = @(ConvertTo-Paragraph (& $get 'DESCRIPTION').Blocks)
        Syntax      = @(Read-SyntaxSection $sections['SYNTAX'] $parameters $file)
        Parameters  = $parameters
        Inputs      = @(Read-TypeListSection (& $get 'INPUTS') $file)
        Outputs     = @(Read-TypeListSection (& $get 'OUTPUTS') $file)
        Notes       = @(ConvertTo-Paragraph (& $get 'NOTES').Blocks)
        Examples    = @(Read-ExamplesSection (& $get 'EXAMPLES') $file)
        Links       = @(Read-LinksSection (& $get 'RELATED LINKS') $(if ($front) { $front['online version'] }))
    }
}

# One syntax item per '### SetName' + code block. Parameter order follows the code block (that is
# the order the cmdlet shows); the per-set attributes come from the PARAMETERS yaml blocks.
function Read-SyntaxSection {
    param($Section, [object[]]$Parameters, [string]$File)
    $pending = $null
    $items = [System.Collections.Generic.List[object]]::new()
    foreach ($block in $Section.Blocks) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
            if ($pending) { throw (New-FormatError $File $pending.Line "expected a code block after '### $($pending.Text)' in '## SYNTAX'.") }
            $pending = $block
        }
        elseif ($block.Kind -eq 'Code') {
            $setName = if ($pending) { $pending.Text -replace '\s*\(Default\)\s*$', '' } else { $script:AllSets }
            $items.Add((New-SyntaxItem -SetName $setName -Code $block -Parameters $Parameters -File $File))
            $pending = $null
        }
        else {
            throw (New-FormatError $File $block.Line "unexpected content in '## SYNTAX'; expected '### <ParameterSetName>' headings each followed by a code block.")
        }
    }
    if ($pending) { throw (New-FormatError $File $pending.Line "expected a code block after '### $($pending.Text)' in '## SYNTAX'.") }
    if ($items.Count -eq 0) { throw (New-FormatError $File $Section.Line "'## SYNTAX' has no code block.") }
    $items.ToArray()
}

function New-SyntaxItem {
    param([string]$SetName, $Code, [object[]]$Parameters, [string]$File)
    # "-Name" preceded by start, space or '[' is a parameter; "Get-Thing" is not.
    $named = [regex]::Matches(($Code.Lines -join "`n"), '(?<=^|[\s\[])-(?<name>[A-Za-z_]\w*)') |
        ForEach-Object { $_.Groups['name'].Value } | Select-Object -Unique
    $inSet = [System.Collections.Generic.List[object]]::new()
    foreach ($name in $named) {
        $parameter = $Parameters | Where-Object Name -EQ $name | Select-Object -First 1
        if (-not $parameter) {
            throw (New-FormatError $File $Code.Line "syntax for parameter set '$SetName' uses -$name, but '## PARAMETERS' has no '### -$name'.")
        }
        $inSet.Add((Get-ParameterForSet $parameter $SetName))
    }
    # Parameters the yaml puts in this set but the code block forgot still belong to the set.
    foreach ($parameter in $Parameters | Where-Object Name -NotIn $named) {
        $forSet = Get-ParameterForSet $parameter $SetName -Strict
        if ($forSet) { $inSet.Add($forSet) }
    }
    [pscustomobject]@{ SetName = $SetName; Parameters = $inSet.ToArray() }
}

# A parameter may have one yaml block per parameter set; pick the block that applies to $SetName.
function Get-ParameterForSet {
    param($Parameter, [string]$SetName, [switch]$Strict)
    $metadata = $Parameter.Metadata | Where-Object { $_.Sets -contains $SetName } | Select-Object -First 1
    if (-not $metadata) { $metadata = $Parameter.Metadata | Where-Object { $_.Sets -contains $script:AllSets } | Select-Object -First 1 }
    if (-not $metadata -and $SetName -eq $script:AllSets) { $metadata = $Parameter.Metadata[0] }
    if (-not $metadata) {
        if ($Strict) { return $null }
        $metadata = $Parameter.Metadata[0]
    }
    [pscustomobject]@{ Name = $Parameter.Name; Description = $Parameter.Description; Metadata = $metadata }
}

function Read-ParametersSection {
    param($Section, [string]$File)
    $parameters = [System.Collections.Generic.List[object]]::new()
    $current = $null
    $skipping = $false
    foreach ($block in $Section.Blocks) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
            $name = $block.Text.Trim() -replace '^-', ''
            # CommonParameters/WorkflowParameters are prose only; PowerShell documents them itself.
            $skipping = $name -in 'CommonParameters', 'WorkflowParameters'
            $current = if ($skipping) { $null } else {
                [pscustomobject]@{ Name = $name; Line = $block.Line; DescriptionBlocks = @(); Metadata = @(); Description = @() }
            }
            if ($current) { $parameters.Add($current) }
        }
        elseif ($skipping) { continue }
        elseif ($null -eq $current) {
            throw (New-FormatError $File $block.Line "unexpected content in '## PARAMETERS'; expected a '### -<ParameterName>' heading.")
        }
        elseif ($block.Kind -eq 'Code' -and $block.Lang -eq 'yaml') {
            $current.Metadata += Read-ParameterYaml $block $current.Name $File
        }
        else {
            $current.DescriptionBlocks += $block
        }
    }
    foreach ($parameter in $parameters) {
        if ($parameter.Metadata.Count -eq 0) {
            throw (New-FormatError $File $parameter.Line "parameter -$($parameter.Name) has no ``````yaml block with its Type, Required, Position, etc.")
        }
        $parameter.Description = @(ConvertTo-Paragraph $parameter.DescriptionBlocks)
    }
    $parameters.ToArray()
}

function Read-ParameterYaml {
    param($Block, [string]$ParameterName, [string]$File)
    $values = @{}
    for ($i = 0; $i -lt $Block.Lines.Count; $i++) {
        $line = $Block.Lines[$i]
        if ($line.Trim() -eq '') { continue }
        $lineNo = $Block.Line + 1 + $i
        if ($line -notmatch '^(?<key>[A-Za-z][A-Za-z ]*?)\s*:\s*(?<value>.*)$') {
            throw (New-FormatError $File $lineNo "expected 'Key: value' in the yaml block of parameter -$ParameterName, found '$line'.")
        }
        $key = $script:YamlKeys | Where-Object { $_ -eq $Matches.key } | Select-Object -First 1
        if (-not $key) {
            throw (New-FormatError $File $lineNo "unknown key '$($Matches.key)' in the yaml block of parameter -$ParameterName; expected one of: $($script:YamlKeys -join ', ').")
        }
        $values[$key] = $Matches.value.Trim()
    }
    if (-not $values['Type']) {
        throw (New-FormatError $File $Block.Line "the yaml block of parameter -$ParameterName has no 'Type:' line (e.g. 'Type: String').")
    }
    foreach ($flag in 'Required', 'Accept wildcard characters') {
        if ($values[$flag] -and $values[$flag] -notmatch '^(True|False)$') {
            throw (New-FormatError $File $Block.Line "'${flag}: $($values[$flag])' of parameter -$ParameterName must be True or False.")
        }
    }
    $isSwitch = $values['Type'] -in 'SwitchParameter', 'switch', 'System.Management.Automation.SwitchParameter'
    $default = if ($values['Default value']) { $values['Default value'] } else { 'None' }
    [pscustomobject]@{
        Type           = if ($isSwitch) { 'SwitchParameter' } else { $values['Type'] }
        IsSwitch       = $isSwitch
        Sets           = @(Split-YamlList $values['Parameter Sets'] -Default $script:AllSets)
        Aliases        = @(Split-YamlList $values['Aliases'])
        AcceptedValues = @(Split-YamlList $values['Accepted values'])
        Required       = $values['Required'] -eq 'True'
        Position       = if ($values['Position']) { $values['Position'] } else { 'Named' }
        DefaultValue   = if ($isSwitch -and $default -eq 'None') { 'False' } else { $default }
        PipelineInput  = if ($values['Accept pipeline input']) { $values['Accept pipeline input'] } else { 'False' }
        Globbing       = $values['Accept wildcard characters'] -eq 'True'
    }
}

function Split-YamlList {
    param([string]$Value, [string]$Default)
    # 'None' alone means an empty list (Aliases: None); as one item of several it is a value (BiasMode's None).
    $items = @(if ("$Value".Trim() -ne 'None') { "$Value" -split ',' | ForEach-Object Trim | Where-Object { $_ } })
    if ($items.Count -eq 0 -and $Default) { $Default } else { $items }
}

# INPUTS / OUTPUTS: '### TypeName' headings, each followed by its description.
function Read-TypeListSection {
    param($Section, [string]$File)
    $current = $null
    foreach ($block in $Section.Blocks) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
            if ($current) { New-TypeEntry $current }
            $current = [pscustomobject]@{ Type = $block.Text.Trim(); Blocks = @() }
        }
        elseif ($null -eq $current) {
            throw (New-FormatError $File $block.Line "unexpected content in '## $($Section.Name)'; expected a '### <TypeName>' heading.")
        }
        else { $current.Blocks += $block }
    }
    if ($current) { New-TypeEntry $current }
}

function New-TypeEntry($Entry) {
    [pscustomobject]@{ Type = $Entry.Type; Description = @(ConvertTo-Paragraph $Entry.Blocks) }
}

# '### Example N: title', optional intro text, code block(s), remarks. MAML has no intro field,
# so intro text is kept at the start of the remarks rather than dropped.
function Read-ExamplesSection {
    param($Section, [string]$File)
    $examples = [System.Collections.Generic.List[object]]::new()
    $current = $null
    foreach ($block in $Section.Blocks) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
            $current = [pscustomobject]@{ Title = $block.Text.Trim(); Line = $block.Line; Code = @(); Intro = @(); Remarks = @() }
            $examples.Add($current)
        }
        elseif ($null -eq $current) {
            throw (New-FormatError $File $block.Line "unexpected content in '## EXAMPLES'; expected a '### Example 1: <Title>' heading.")
        }
        elseif ($block.Kind -eq 'Code') { $current.Code += ($block.Lines -join "`n") }
        elseif ($current.Code.Count -eq 0) { $current.Intro += $block }
        else { $current.Remarks += $block }
    }
    foreach ($example in $examples) {
        if ($example.Code.Count -eq 0) {
            throw (New-FormatError $File $example.Line "example '$($example.Title)' has no code block.")
        }
        [pscustomobject]@{
            Title   = $example.Title
            Code    = $example.Code -join "`n`n"
            Remarks = @(ConvertTo-Paragraph ($example.Intro + $example.Remarks))
        }
    }
}

# Get-Help -Online needs absolute URIs, so relative links (Other-Command.md) keep only their text.
function Read-LinksSection {
    param($Section, [string]$OnlineVersion)
    if ($OnlineVersion) { New-Link 'Online Version:' $OnlineVersion }
    foreach ($block in $Section.Blocks | Where-Object Kind -EQ 'Paragraph') {
        foreach ($line in $block.Lines) {
            $links = [regex]::Matches($line, '\[(?<text>[^\]]+)\]\((?<uri>[^)\s]*)[^)]*\)')
            if ($links.Count -eq 0) { New-Link $line.Trim() ''; continue }
            foreach ($link in $links) { New-Link $link.Groups['text'].Value $link.Groups['uri'].Value }
        }
    }
}

function New-Link([string]$Text, [string]$Uri) {
    $parsed = $null
    $absolute = [uri]::TryCreate($Uri, [System.UriKind]::Absolute, [ref]$parsed) -and $parsed.Scheme -in 'http', 'https'
    [pscustomobject]@{ Text = $Text; Uri = if ($absolute) { $Uri } else { '' } }
}

#endregion

#region MAML writing

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

#endregion

#region About topics

function ConvertTo-AboutText {
    param($Document)
    $file = $Document.Path
    $page = Get-PageSection $Document
    if ($page.Title -notmatch '^about_\w+$') {
        throw (New-FormatError $file $page.TitleLine "expected '# about_<Topic>' as the page heading, found '# $($page.Title)'.")
    }
    $short = $page.Sections | Where-Object { $_.Name -eq 'SHORT DESCRIPTION' } | Select-Object -First 1
    if (-not $short -or -not ($short.Blocks | Where-Object Kind -EQ 'Paragraph')) {
        throw (New-FormatError $file 0 "missing required section '## SHORT DESCRIPTION' with a one-line summary of $($page.Title).")
    }

    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('TOPIC')
    $out.Add('    ' + $page.Title)
    foreach ($section in $page.Sections) {
        $out.Add('')
        $out.Add($section.Name.ToUpperInvariant())
        $afterHeading = $true
        foreach ($block in $section.Blocks) {
            if (-not $afterHeading) { $out.Add('') }
            $out.AddRange([string[]]@(Format-AboutBlock $block))
            $afterHeading = $block.Kind -eq 'Heading'
        }
    }
    ($out -join "`n") + "`n"
}

function Format-AboutBlock {
    param($Block)
    $indent = '    '
    switch ($Block.Kind) {
        # Sub-headings stay flush left like section names; deeper ones are indented to rank below them.
        'Heading' { if ($Block.Level -le 3) { $Block.Text.ToUpperInvariant() } else { $indent + $Block.Text } }
        'Code' { foreach ($line in $Block.Lines) { if ($line) { $indent + $line } else { '' } } }
        'Paragraph' {
            if ($Block.Lines[0] -match '^\s*\|') { $Block.Lines | ForEach-Object { $indent + $_.Trim() } }
            elseif (Test-ListLine $Block.Lines[0]) {
                foreach ($item in Join-ListItem $Block.Lines) {
                    $marker = ($item -split '\s+', 2)[0]
                    Format-WrappedText $item -Indent $indent -HangingIndent ($indent + ' ' * ($marker.Length + 1))
                }
            }
            # Keep the author's line breaks (hand-wrapped text, one-name-per-line SEE ALSO lists)
            # and only wrap lines that are too long, as platyPS does.
            else { foreach ($line in $Block.Lines) { Format-WrappedText $line -Indent $indent } }
        }
    }
}

# Greedy word wrap to $Width columns; a word longer than the line gets a line of its own.
function Format-WrappedText {
    param([string]$Text, [string]$Indent, [string]$HangingIndent = $Indent, [int]$Width = 80)
    $line = $Indent
    $lineHasWord = $false
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if ($lineHasWord -and ($line.Length + 1 + $word.Length) -gt $Width) {
            $line
            $line = $HangingIndent + $word
        }
        elseif ($lineHasWord) { $line += ' ' + $word }
        else { $line += $word }
        $lineHasWord = $true
    }
    if ($lineHasWord) { $line }
}

#endregion

#region Files

function Resolve-InputFile {
    param([string]$Path)
    if (-not (Test-Path -Path $Path -PathType Leaf)) {
        throw [System.IO.FileNotFoundException]::new("Markdown file not found: '$Path'.")
    }
    (Resolve-Path -Path $Path).ProviderPath   # may be several files when $Path has wildcards
}

# Temp file in the target folder + rename, so readers see the old file or the new one, never half.
function Write-FileAtomically {
    param([string]$Path, [byte[]]$Bytes)
    $dir = [System.IO.Path]::GetDirectoryName($Path)
    [void][System.IO.Directory]::CreateDirectory($dir)
    $tempName = '.{0}.{1}.tmp' -f [System.IO.Path]::GetFileName($Path), [guid]::NewGuid().ToString('N')
    $temp = [System.IO.Path]::Combine($dir, $tempName)
    try {
        [System.IO.File]::WriteAllBytes($temp, $Bytes)
        [System.IO.File]::Move($temp, $Path, $true)
    }
    finally {
        if ([System.IO.File]::Exists($temp)) { [System.IO.File]::Delete($temp) }
    }
    $Path
}

function Get-MamlBytesFromFiles {
    param([string[]]$Files)
    $commands = foreach ($file in $Files) {
        $document = Read-MarkdownDocument $file
        if (Test-CmdletPage $document) { Read-CmdletPage $document }
        else { Write-Verbose "Skipping '$file': not a cmdlet page." }
    }
    if (-not $commands) {
        throw [System.IO.InvalidDataException]::new("None of the given markdown files is a cmdlet page: $($Files -join ', ').")
    }
    ConvertTo-MamlBytes @($commands)
}

function Get-AboutBytesFromFile {
    param([string]$File)
    , [System.Text.UTF8Encoding]::new($false).GetBytes((ConvertTo-AboutText (Read-MarkdownDocument $File)))
}

#endregion

#region Public functions

function ConvertTo-MamlHelp {
    <#
    .SYNOPSIS
        Converts platyPS 2.0.0-schema cmdlet pages into one MAML external help file.
    .DESCRIPTION
        Module pages (front matter with 'Module Guid') and about_*.md pages are skipped.
        The XML is built in memory and written in one step, so on error the target is untouched.
        Returns the full path of the written file.
    .EXAMPLE
        ConvertTo-MamlHelp -Path docs/en-US/Get-Thing.md -OutputPath out/en-US/MyModule.dll-Help.xml
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('FullName')]
        [string[]]$Path,

        [Parameter(Mandatory)]
        [string]$OutputPath
    )
    begin { $files = [System.Collections.Generic.List[string]]::new() }
    process {
        try { foreach ($p in $Path) { $files.AddRange([string[]]@(Resolve-InputFile $p)) } }
        catch { $PSCmdlet.ThrowTerminatingError((New-HelpBuilderErrorRecord $_)) }
    }
    end {
        try {
            $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)
            Write-FileAtomically -Path $target -Bytes (Get-MamlBytesFromFiles $files.ToArray())
        }
        catch { $PSCmdlet.ThrowTerminatingError((New-HelpBuilderErrorRecord $_)) }
    }
}

function ConvertTo-AboutHelpText {
    <#
    .SYNOPSIS
        Converts an about_*.md topic into the about_*.help.txt text that Get-Help reads.
    .DESCRIPTION
        Returns the full path of the written file.
    .EXAMPLE
        ConvertTo-AboutHelpText -Path docs/en-US/about_Thing.md -OutputPath out/en-US/about_Thing.help.txt
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string]$Path,

        [Parameter(Mandatory)]
        [string]$OutputPath
    )
    try {
        $source = @(Resolve-InputFile $Path)
        if ($source.Count -ne 1) { throw [System.IO.InvalidDataException]::new("-Path '$Path' must name exactly one about_*.md file.") }
        $source = $source[0]
        $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)
        Write-FileAtomically -Path $target -Bytes (Get-AboutBytesFromFile $source)
    }
    catch { $PSCmdlet.ThrowTerminatingError((New-HelpBuilderErrorRecord $_)) }
}

function Build-ModuleHelp {
    <#
    .SYNOPSIS
        Builds a module's en-US help folder from its platyPS markdown docs.
    .DESCRIPTION
        Uses platyPS New-ExternalHelp when the platyPS module is installed (unless -SkipPlatyPS);
        otherwise writes <ModuleName>.dll-Help.xml from all cmdlet pages and about_X.help.txt for
        each about_X.md. In the built-in path every page is converted in memory before any file
        is written, so one bad page leaves the output folder unchanged. Returns the written paths.
    .EXAMPLE
        Build-ModuleHelp -DocsPath docs/en-US -OutputPath out/BackpropPS/en-US -ModuleName BackpropPS
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string]$DocsPath,

        [Parameter(Mandatory)]
        [string]$OutputPath,

        [Parameter(Mandatory)]
        [string]$ModuleName,

        # Use the built-in converter even if platyPS is installed (reproducible output on any machine).
        [switch]$SkipPlatyPS
    )
    try {
        if (-not (Test-Path -Path $DocsPath -PathType Container)) {
            throw [System.IO.DirectoryNotFoundException]::new("Docs folder not found: '$DocsPath'.")
        }
        $docs = (Resolve-Path -Path $DocsPath).ProviderPath
        $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)

        $platyPS = if (-not $SkipPlatyPS) { Get-Module -ListAvailable -Name platyPS | Select-Object -First 1 }
        if ($platyPS) {
            Write-Verbose "Using platyPS $($platyPS.Version) from $($platyPS.ModuleBase)."
            Import-Module $platyPS -ErrorAction Stop
            return platyPS\New-ExternalHelp -Path $docs -OutputPath $target -Force -ErrorAction Stop |
                ForEach-Object { if ($_ -is [System.IO.FileSystemInfo]) { $_.FullName } else { "$_" } }
        }

        $markdown = [System.Collections.Generic.List[string]]::new(
            [string[]]@(Get-ChildItem -LiteralPath $docs -Filter *.md -File | ForEach-Object FullName))
        $markdown.Sort([System.StringComparer]::OrdinalIgnoreCase)   # same order on every OS/culture
        $aboutFiles = @($markdown | Where-Object { [System.IO.Path]::GetFileName($_) -like 'about_*.md' })
        $pageFiles = @($markdown | Where-Object { $_ -notin $aboutFiles })

        $xmlName = "$ModuleName.dll-Help.xml"
        Assert-ExternalHelpFileName -Files $pageFiles -Expected $xmlName

        # Convert everything first; write only when every page converted.
        $outputs = [ordered]@{}
        if ($pageFiles.Count) { $outputs[[System.IO.Path]::Combine($target, $xmlName)] = Get-MamlBytesFromFiles $pageFiles }
        foreach ($file in $aboutFiles) {
            $name = [System.IO.Path]::GetFileNameWithoutExtension($file) + '.help.txt'
            $outputs[[System.IO.Path]::Combine($target, $name)] = Get-AboutBytesFromFile $file
        }
        if ($outputs.Count -eq 0) {
            throw [System.IO.FileNotFoundException]::new("No markdown help pages (*.md) found in '$docs'.")
        }
        foreach ($entry in $outputs.GetEnumerator()) { Write-FileAtomically -Path $entry.Key -Bytes $entry.Value }
    }
    catch { $PSCmdlet.ThrowTerminatingError((New-HelpBuilderErrorRecord $_)) }
}

# platyPS names the XML after the pages' 'external help file'; warn when that disagrees with ours,
# because Get-Help for a binary cmdlet looks for the file named in the cmdlet's HelpFile.
function Assert-ExternalHelpFileName {
    param([string[]]$Files, [string]$Expected)
    foreach ($file in $Files) {
        $front = (Read-MarkdownDocument $file).FrontMatter
        if ($front -and $front.Contains('external help file') -and $front['external help file'] -and
            $front['external help file'] -ne $Expected) {
            Write-Warning "'$file' says 'external help file: $($front['external help file'])', but the help is written to '$Expected'."
        }
    }
}

#endregion

Export-ModuleMember -Function ConvertTo-MamlHelp, ConvertTo-AboutHelpText, Build-ModuleHelp
