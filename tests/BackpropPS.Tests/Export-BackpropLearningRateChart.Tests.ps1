# Export-BackpropLearningRateChart: the range test's raw and smoothed loss on a log learning-rate axis, the suggestion and the blow-up marked, and the Export-* file rules.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:irisCsv = Join-Path $TestDrive 'iris.csv'
    Get-BackpropDataset Iris | Export-Csv $irisCsv -NoTypeInformation
    $script:iris = Import-Csv $irisCsv
    $script:irisNet = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 7
    $script:irisArgs = @{ TargetColumn = 'species'; Standardize = $true; Shuffle = $true; Seed = 7; BatchSize = 16 }
    $script:seedNet = New-BackpropNetwork -Example StepByStep
    $script:invariant = [cultureinfo]::InvariantCulture
}

Describe 'Export-BackpropLearningRateChart' {
    BeforeAll {
        $script:chartResult = Find-BackpropLearningRate -Network $seedNet -Input @(, @(0.05, 0.10)) -Target @(, @(0.01, 0.99)) -Steps 100
        $script:blown = $iris | Find-BackpropLearningRate -Network $irisNet @irisArgs -Steps 200 -MaxLearningRate 1e4
    }

    It 'draws raw and smoothed loss on a log learning-rate axis, the suggestion marked' {
        $path = Join-Path $TestDrive 'lr.svg'
        $file = $chartResult | Export-BackpropLearningRateChart -Path $path -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $file.FullName | Should -Be $path
        $svg = [xml](Get-Content -Raw -LiteralPath $path)
        $svg.DocumentElement.LocalName | Should -Be 'svg'
        $text = @($svg.SelectNodes("//*[local-name()='text']") | ForEach-Object InnerText)
        $text | Should -Contain 'Learning rate (log scale)'
        $text | Should -Contain 'Smoothed loss'
        $text | Should -Contain 'Learning-rate range test'
        $text | Should -Contain ('suggested ' + $chartResult.SuggestedLearningRate.ToString('G3', $invariant))
        # Log-axis ticks: decades from 1E-5 to 10.
        $text | Should -Contain '0.001'
        $text | Should -Contain '1E-5'
    }

    It 'marks the blow-up and leaves out its non-finite loss' {
        $path = Join-Path $TestDrive 'blown.svg'
        $blown | Export-BackpropLearningRateChart -LiteralPath $path -Title 'Iris, SGD'
        $content = Get-Content -Raw -LiteralPath $path
        $content | Should -BeLike "*blow-up $($blown.Rows[-1].LearningRate.ToString('G3', $invariant))*"
        $content | Should -Not -BeLikeExactly '*NaN*'
        $content | Should -BeLike '*Iris, SGD*'
    }

    It 'keeps an existing file with -NoClobber, writes nothing with -WhatIf, replaces it otherwise, and takes -LiteralPath as typed' {
        $path = Join-Path $TestDrive 'kept.svg'
        Set-Content -LiteralPath $path -Value 'mine'
        $e = Get-ErrorRecord { $chartResult | Export-BackpropLearningRateChart -Path $path -NoClobber } 'ImageFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'mine'
        $chartResult | Export-BackpropLearningRateChart -Path $path -WhatIf
        Get-Content -LiteralPath $path | Should -Be 'mine'
        $chartResult | Export-BackpropLearningRateChart -Path $path
        (Get-Content -Raw -LiteralPath $path) | Should -BeLike '<?xml*'
        $literal = Join-Path $TestDrive 'lr[1].svg'
        $chartResult | Export-BackpropLearningRateChart -LiteralPath $literal
        Test-Path -LiteralPath $literal | Should -BeTrue
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.tmp').Count | Should -Be 0
    }

    It 'refuses a file that is not .svg and a second result for one file' {
        Get-ErrorRecord { $chartResult | Export-BackpropLearningRateChart -Path (Join-Path $TestDrive 'lr.png') } 'UnsupportedImageFormat' 'InvalidArgument' | Out-Null
        Get-ErrorRecord { $chartResult, $chartResult | Export-BackpropLearningRateChart -Path (Join-Path $TestDrive 'two.svg') } 'MultipleObjectsForOneFile' 'InvalidOperation' | Out-Null
        Test-Path -LiteralPath (Join-Path $TestDrive 'two.svg') | Should -BeFalse
    }
}
