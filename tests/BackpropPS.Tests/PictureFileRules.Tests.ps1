# The Export-* file rules (-LiteralPath, -Force, -WhatIf, -PassThru, atomic, .svg only, titles SVG can hold), run the same way over the seven picture cmdlets, which share them through PictureExportCmdlet.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
    $script:digits = New-ImageSet -Count 40 -Width 8 -Max 16 -Labels ([string[]](0..9 | ForEach-Object { "$_" }))
    $script:digitsNet = New-BackpropNetwork 64, 9, 10 -Activation ReLU, Softmax -Seed 3
    $script:twoInputs = New-BackpropNetwork 2, 3, 2 -Activation Tanh, Softmax -Seed 1
    $script:range = Find-BackpropLearningRate -Network (New-BackpropNetwork -Example StepByStep) -Input @(, @(0.05, 0.10)) -Target @(, @(0.01, 0.99)) -Steps 20
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
    @{ Name = 'Export-BackpropLossChart'; Draw = {
            param($Path, [hashtable] $More = @{})
            [pscustomobject]@{ Epoch = 1; Loss = 0.5 }, [pscustomobject]@{ Epoch = 2; Loss = 0.25 } | Export-BackpropLossChart -LiteralPath $Path @More
        }
    }
    @{ Name = 'Export-BackpropGradientFlowChart'; Draw = {
            param($Path, [hashtable] $More = @{})
            [pscustomobject]@{ Epoch = 1; Layer = 1; GradientNorm = 0.5 }, [pscustomobject]@{ Epoch = 2; Layer = 1; GradientNorm = 0.25 } |
                Export-BackpropGradientFlowChart -LiteralPath $Path @More
        }
    }
    @{ Name = 'Export-BackpropLearningRateChart'; Draw = { param($Path, [hashtable] $More = @{}) $range | Export-BackpropLearningRateChart -LiteralPath $Path @More } }
    @{ Name = 'Export-BackpropDecisionBoundary'; Draw = {
            param($Path, [hashtable] $More = @{})
            $twoInputs | Export-BackpropDecisionBoundary -LiteralPath $Path -XRange -1, 1 -YRange -1, 1 -Resolution 10 @More
        }
    }
) {
    It 'writes to a literal path, keeps a file with -NoClobber, replaces it otherwise, a read-only one with -Force, and writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive "$Name[1].svg"
        & $Draw $path @{ WhatIf = $true }
        Test-Path -LiteralPath $path | Should -BeFalse
        'keep me' | Set-Content -LiteralPath $path
        Get-ErrorRecord { & $Draw $path @{ NoClobber = $true } } 'ImageFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'keep me'
        Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $true
        Get-ErrorRecord { & $Draw $path } 'ImageFileReadOnly' 'PermissionDenied'
        Get-Content -LiteralPath $path | Should -Be 'keep me'
        $file = & $Draw $path @{ Force = $true; PassThru = $true }
        $file.IsReadOnly | Should -BeTrue
        Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $false
        & $Draw $path
        $file.Name | Should -Be "$Name[1].svg"
        (Read-Svg $path).DocumentElement.LocalName | Should -Be 'svg'
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.tmp' -Force).Count | Should -Be 0
    }

    It 'refuses a title SVG cannot hold, before it writes anything' {
        $path = Join-Path $TestDrive "$Name-title.svg"
        Get-ErrorRecord { & $Draw $path @{ Title = "bad`0title" } } 'InvalidTitle' 'InvalidArgument'
        Test-Path -LiteralPath $path | Should -BeFalse
    }


    It 'has one -LiteralPath with the aliases PSPath and LP, bound from no pipeline property' {
        $literal = (Get-Command $Name).Parameters['LiteralPath']
        $literal.Aliases | Should -Be 'PSPath', 'LP'
        $literal.ParameterSets.Values.ValueFromPipelineByPropertyName | Should -Not -Contain $true
    }

    It 'writes SVG only, into a folder that exists' {
        $e = Get-ErrorRecord { & $Draw (Join-Path $TestDrive "$Name.png") } 'UnsupportedImageFormat' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*.svg*'
        Get-ErrorRecord { & $Draw (Join-Path $TestDrive "no/such/$Name.svg") } 'DirectoryNotFound' 'ObjectNotFound'
    }
}

Describe 'The tile pictures write a title as their caption: <Name>' -ForEach @(
    @{ Name = 'Export-BackpropWeightImage'; Draw = { param($Path, [hashtable] $More = @{}) $digitsNet | Export-BackpropWeightImage -LiteralPath $Path @More } }
    @{ Name = 'Export-BackpropImageGrid'; Draw = { param($Path, [hashtable] $More = @{}) $digits | Export-BackpropImageGrid -LiteralPath $Path @More } }
    @{ Name = 'Export-BackpropConfusionMatrix'; Draw = {
            param($Path, [hashtable] $More = @{})
            $rows = [pscustomobject]@{ Actual = 'a'; a = 1; b = 0 }, [pscustomobject]@{ Actual = 'b'; a = 0; b = 1 }
            [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = $rows } | Export-BackpropConfusionMatrix -LiteralPath $Path @More
        }
    }
) {
    It 'writes a title of two lines and markup characters as its caption' {
        $path = Join-Path $TestDrive "$Name-title.svg"
        & $Draw $path @{ Title = "Two`nlines & <more>" }
        (Read-Svg $path).SelectNodes("//*[@class='caption']").'#text' | Should -BeLike "Two`nlines & <more>*"
    }
}
