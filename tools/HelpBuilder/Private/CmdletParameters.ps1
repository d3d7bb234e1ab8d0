# The PARAMETERS section of a cmdlet page: one '### -Name' with description and yaml block(s) per parameter.

$script:YamlKeys = @('Type', 'Parameter Sets', 'Aliases', 'Accepted values', 'Required', 'Position',
    'Default value', 'Accept pipeline input', 'Accept wildcard characters', 'Applicable')

# Parameter set name platyPS uses for "every set"; a SYNTAX block without a ### heading gets it too.
$script:AllSets = '(All)'

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
