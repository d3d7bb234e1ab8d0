# Get-BackpropGradientFactor: every weight's gradient as the product of its chain-rule factors, and the smallest gradients of a deep sigmoid network explained.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'Get-BackpropGradientFactor' {
    BeforeAll {
        $script:deep = New-BackpropNetwork 2, 8, 8, 8, 8, 8, 8, 1 -Activation Sigmoid -Seed 1
        $script:step = Invoke-BackpropStep -Network $deep -Input 0.3, -0.6 -Target 1 -LearningRate 0.5
    }

    It 'gives every weight, whose factors multiply to the gradient Get-BackpropParameter shows' {
        $rows = $step | Get-BackpropGradientFactor
        $trace = @($step | Get-BackpropParameter | Where-Object Kind -eq Weight)
        $rows.Count | Should -Be $trace.Count
        $rows.Name | Should -Be $trace.Name
        foreach ($k in 0..($rows.Count - 1)) {
            $rows[$k].Gradient | Should -Be $trace[$k].Gradient
            Assert-Close ($rows[$k].Downstream * $rows[$k].ActivationDerivative * $rows[$k].Input) $trace[$k].Gradient (1e-15 * [math]::Abs($trace[$k].Gradient))
        }
    }

    It 'names the downstream sum for the smallest gradients of a deep sigmoid network, smallest first' {
        $smallest = $step | Get-BackpropGradientFactor -Smallest 10
        $smallest.Count | Should -Be 10
        $sizes = $smallest | ForEach-Object { [math]::Abs($_.Gradient) }
        $sizes | Should -Be ($sizes | Sort-Object)
        $all = $step | Get-BackpropGradientFactor | ForEach-Object { [math]::Abs($_.Gradient) } | Sort-Object
        $sizes[-1] | Should -Be $all[9]
        $smallest.Layer | ForEach-Object { $_ | Should -BeLessOrEqual 2 }
        $smallest.SmallestFactor | Select-Object -Unique | Should -Be 'Downstream'
        $smallest[0].Reason | Should -BeLike 'the downstream sum dE/da = *times its typical size*'
        $smallest | ForEach-Object { $_.DownstreamRatio | Should -BeLessThan 0.01 }
    }

    It 'reports a step on a batch, whose gradients are means of products, and goes on with the next step' {
        $batch = Invoke-BackpropStep -Network $deep -Input @(0.3, -0.6), @(0.1, 0.2) -Target 1, 0 -LearningRate 0.5
        $errors = @()
        $rows = $batch, $step | Get-BackpropGradientFactor -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.FullyQualifiedErrorId | Should -Be 'FactorsNeedOneSample,BackpropPS.Commands.GetBackpropGradientFactorCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $rows.Count | Should -Be (2 * 8 + 5 * 8 * 8 + 8)
    }
}
