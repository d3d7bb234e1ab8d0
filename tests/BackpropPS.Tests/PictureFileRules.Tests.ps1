# The Export-* file rules (-LiteralPath, -Force, -WhatIf, -PassThru, atomic, .svg only, titles SVG can hold), run the same way over the three picture cmdlets.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
    $script:digits = New-ImageSet -Count 40 -Width 8 -Max 16 -Labels ([string[]](0..9 | ForEach-Object { "$_" }))
    $script:digitsNet = New-BackpropNetwork 64, 9, 10 -Activation ReLU, Softmax -Seed 3
}

Describe 'The picture cmdlets follow the Export-* file rules: <Name>' -ForEach @(
    @{ Name = 'Export-BackpropWeightImage'; Draw = { param($Path, [hashtable] $More = @{}) $digitsNet | Export-BackpropWeightImage -LiteralPath $Path @More } }
    @{ Name = 'Export-BackpropImageGrid'; Draw = { param($Path, [hashtable] $More = @{}) $digits | Export-BackpropImageGrid -LiteralPath $Path @More } }
    @{ Name = 'Export-BackpropConfusionMatrix'; Draw = {
            param($Path, [hashtable] $More = @{})
            $rows = [pscustomobject]@{ Actual = 'a'; a = 1; b = 0 }, [pscustomobject]@{ Actual = 'b'; a = 0; b = 1 }
            [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = $rows } | Export-BackpropConfusionMatrix -LiteralPath $Path @More
        }
    }
) {
    It 'writes to a literal path, replaces a file only with -Force, and writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive "$Name[1].svg"
        & $Draw $path @{ WhatIf = $true }
        Test-Path -LiteralPath $path | Should -BeFalse
        'keep me' | Set-Content -LiteralPath $path
        Get-ErrorRecord { & $Draw $path } 'ImageFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'keep me'
        $file = & $Draw $path @{ Force = $true; PassThru = $true }
        $file.Name | Should -Be "$Name[1].svg"
        (Read-Svg $path).DocumentElement.LocalName | Should -Be 'svg'
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.tmp' -Force).Count | Should -Be 0
    }

    It 'refuses a title SVG cannot hold, before it writes anything' {
        $path = Join-Path $TestDrive "$Name-title.svg"
        Get-ErrorRecord { & $Draw $path @{ Title = "bad`0title" } } 'InvalidTitle' 'InvalidArgument'
        Test-Path -LiteralPath $path | Should -BeFalse
        & $Draw $path @{ Title = "Two`nlines & <more>" }
        (Read-Svg $path).SelectNodes("//*[@class='caption']").'#text' | Should -BeLike "Two`nlines & <more>*"
    }

    It 'writes SVG only, into a folder that exists' {
        $e = Get-ErrorRecord { & $Draw (Join-Path $TestDrive "$Name.png") } 'UnsupportedImageFormat' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*.svg*'
        Get-ErrorRecord { & $Draw (Join-Path $TestDrive "no/such/$Name.svg") } 'DirectoryNotFound' 'ObjectNotFound'
    }
}
